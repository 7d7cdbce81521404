import Foundation

/// Headless LibreOffice, used to convert documents (to PDF, to text, or .docx to .odt): one process
/// converts many files, with its own profile folder, a time limit, and a check that every output
/// file really was written (LibreOffice exits 0 even when a conversion failed).
public struct LibreOffice: Sendable {
    /// The `soffice` executable.
    public let executable: URL
    /// A fontconfig file mapping the official Chinese font names to installed fonts, when present.
    public let fontConfig: URL?

    /// Why a conversion failed.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case notInstalled
        case timedOut(seconds: Double)
        case missingOutput([String])

        public var description: String {
            switch self {
            case .notInstalled:
                return "LibreOffice is not installed: run `bash scripts/setup.sh` (or apt-get install libreoffice-writer-nogui fonts-noto-cjk)"
            case .timedOut(let seconds): return "LibreOffice did not finish within \(Int(seconds)) s and was stopped"
            case .missingOutput(let files): return "LibreOffice wrote no output for: \(files.joined(separator: ", "))"
            }
        }
    }

    /// Finds `soffice` on the PATH (or `libreoffice`).
    public init(fontConfig: URL? = nil) throws(Failure) {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").flatMap { directory in
            ["soffice", "libreoffice"].map { URL(fileURLWithPath: String(directory)).appendingPathComponent($0) }
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else { throw .notInstalled }
        executable = found
        self.fontConfig = fontConfig.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
    }

    /// Converts `files` into `directory` as `format` (e.g. `pdf`, `txt:Text (encoded):UTF8`, `odt`) in
    /// one LibreOffice process. Returns the output file of each input, in order.
    public func convert(_ files: [URL], to format: String, into directory: URL, timeout: Double = 300) throws -> [URL] {
        guard !files.isEmpty else { return [] }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("shufa-lo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--headless", "--norestore", "--nolockcheck", "-env:UserInstallation=\(profile.absoluteString)",
                             "--convert-to", format, "--outdir", directory.path] + files.map(\.path)
        var environment = ProcessInfo.processInfo.environment
        if let fontConfig { environment["FONTCONFIG_FILE"] = fontConfig.path }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try run(process, timeout: timeout)
        let ext = String(format.split(separator: ":").first ?? "")
        let outputs = files.map { directory.appendingPathComponent($0.deletingPathExtension().lastPathComponent + "." + ext) }
        let missing = zip(files, outputs).filter { !Self.isWritten($1) }.map(\.0.lastPathComponent)
        guard missing.isEmpty else { throw Failure.missingOutput(missing) }
        return outputs
    }

    private func run(_ process: Process, timeout: Double) throws {
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if done.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            throw Failure.timedOut(seconds: timeout)
        }
    }

    private static func isWritten(_ url: URL) -> Bool {
        ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0) > 0
    }
}
