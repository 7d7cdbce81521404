import Foundation

/// Headless LibreOffice, used to convert documents (to PDF, to text, or .docx to .odt): one process
/// converts many files, with its own profile folder, a time limit, and a check that every output
/// file really was written (LibreOffice exits 0 even when a conversion failed).
public struct LibreOffice: Sendable {
    /// The `soffice` executable.
    public let executable: URL
    /// A fontconfig file mapping the official Chinese font names to installed fonts, when present.
    public let fontConfig: URL?

    /// Why a conversion failed; rendered in Chinese by `SystemMessages`.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case notInstalled
        case timedOut(seconds: Double)
        /// The files (names) LibreOffice wrote nothing for.
        case missingOutput([String])
        /// LibreOffice could not be started.
        case cannotRun(ChildProcess.Failure)
        /// Its profile or output folder could not be made.
        case workspace(OutputError)

        public var description: String { SystemMessages.text(self) }
    }

    /// Finds `soffice` on the PATH (or `libreoffice`).
    public init(fontConfig: URL? = nil) throws(Failure) {
        guard let found = ChildProcess.locate(["soffice", "libreoffice"]) else { throw .notInstalled }
        executable = found
        self.fontConfig = fontConfig.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
    }

    /// What one LibreOffice run wrote: the output of each input (nil where none was written), and whether
    /// the run was stopped at its time limit.
    public struct Attempt: Sendable {
        /// The output of each input, nil where none was written.
        public var outputs: [URL?]
        /// True when the run was stopped at its time limit.
        public var timedOut: Bool
    }

    /// Converts `files` into `directory` as `format` (e.g. `pdf`, `txt:Text (encoded):UTF8`, `odt`) in
    /// one LibreOffice process. Returns the output file of each input, in order.
    public func convert(_ files: [URL], to format: String, into directory: URL,
                        timeout: Double = 300) throws(Failure) -> [URL] {
        let attempt = try self.attempt(files, to: format, into: directory, timeout: timeout)
        if attempt.timedOut { throw .timedOut(seconds: timeout) }
        let missing = zip(files, attempt.outputs).filter { $1 == nil }.map(\.0.lastPathComponent)
        guard missing.isEmpty else { throw .missingOutput(missing) }
        return attempt.outputs.compactMap { $0 }
    }

    /// Converts `files` in one LibreOffice process, like `convert`, but reports what was written instead
    /// of failing: a caller can retry the rest. `whileWaiting` is called about every `pollInterval` seconds
    /// while LibreOffice runs (to show progress). LibreOffice gets a new profile folder, removed afterwards,
    /// unless `profile` names one to use (and keep: a used profile starts faster). A run past `timeout`
    /// seconds is stopped, with every process it started (a hung LibreOffice does not answer a polite request,
    /// and its profile folder is thrown away anyway).
    public func attempt(_ files: [URL], to format: String, into directory: URL, timeout: Double, profile: URL? = nil,
                        pollInterval: Double = 0.25, whileWaiting: (() -> Void)? = nil) throws(Failure) -> Attempt {
        guard !files.isEmpty else { return Attempt(outputs: [], timedOut: false) }
        let ownProfile: PrivateFolder?
        do {
            try OutputFolder.createPath(directory)
            ownProfile = profile == nil ? try PrivateFolder(prefix: "shufa-lo") : nil
        } catch {
            throw .workspace(error)
        }
        defer { ownProfile?.remove() }
        let profile = profile ?? ownProfile!.url
        do { try Self.harden(profile) } catch { throw .workspace(error) }
        let arguments =
            [
                "--headless", "--norestore", "--nolockcheck", "-env:UserInstallation=\(profile.absoluteString)",
                "--convert-to", format, "--outdir", directory.path,
            ] + files.map(\.path)
        let options = ChildProcess.Options(
            environment: fontConfig.map { ["FONTCONFIG_FILE": $0.path] } ?? [:], streams: .discard, timeout: timeout,
            pollInterval: pollInterval, whileWaiting: whileWaiting)
        let run: ChildProcess
        do { run = try ChildProcess.run(executable.path, arguments, options) } catch { throw .cannotRun(error) }
        let outputs = files.map { Self.output(of: $0, format: format, in: directory) }
        return Attempt(outputs: outputs.map { Self.isWritten($0) ? $0 : nil }, timedOut: run.timedOut)
    }

    /// Settings every profile gets before LibreOffice starts: links in a document to other files or to the
    /// network are not followed (a returned report could otherwise make LibreOffice read local files into
    /// its conversion), and no macro runs.
    static let hardenedSettings = """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
        <item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
        <prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
        <item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
        <prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
        <item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
        <prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
        </oor:items>

        """

    /// Writes `hardenedSettings` into a profile that has no settings yet.
    private static func harden(_ profile: URL) throws(OutputError) {
        let settings = profile.appendingPathComponent("user/registrymodifications.xcu")
        guard !FileManager.default.fileExists(atPath: settings.path) else { return }
        try OutputFiles.writeAtomically(Array(hardenedSettings.utf8), to: settings)
    }

    /// Where LibreOffice writes the conversion of `file` to `format` in `directory`.
    public static func output(of file: URL, format: String, in directory: URL) -> URL {
        let ext = String(format.split(separator: ":").first ?? "")
        return directory.appendingPathComponent(file.deletingPathExtension().lastPathComponent + "." + ext)
    }

    private static func isWritten(_ url: URL) -> Bool {
        ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0) > 0
    }
}
