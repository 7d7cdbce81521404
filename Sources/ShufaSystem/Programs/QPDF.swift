import Foundation

/// qpdf (https://qpdf.readthedocs.io), run as a child process: printing reads LibreOffice's PDFs with it and
/// cuts and joins their pages (see ShufaPrint's `QPDF+Pages`).
public struct QPDF: Sendable {
    /// The `qpdf` executable.
    public let executable: URL

    /// Why qpdf could not be used; rendered in Chinese by `SystemMessages`.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case notInstalled
        /// qpdf could not be started.
        case cannotRun(ChildProcess.Failure)
        /// qpdf ran on `file` and failed (exit status, what it said).
        case failed(file: String, status: Int32, message: String)
        /// qpdf's JSON for `file` is not what shufa expects.
        case unexpectedOutput(file: String)
        /// The instructions for qpdf about `file` could not be written at `path`.
        case workspace(file: String, path: String)

        public var description: String { SystemMessages.text(self) }
    }

    /// Finds `qpdf` on the PATH.
    public init() throws(Failure) {
        guard let found = ChildProcess.locate(["qpdf"]) else { throw .notInstalled }
        executable = found
    }

    /// Runs qpdf on `file` and returns its standard output; exit status 3 (warnings only) is success.
    package func run(_ arguments: [String], file: String) throws(Failure) -> Data {
        let run: ChildProcess
        do { run = try ChildProcess.run(executable.path, arguments) } catch { throw .cannotRun(error) }
        guard run.status == 0 || run.status == 3 else {
            let message = run.error.trimmingCharacters(in: .whitespacesAndNewlines)
            throw .failed(file: file, status: run.status, message: message)
        }
        return Data(run.output.utf8)
    }
}
