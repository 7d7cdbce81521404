import Foundation

/// Safe file names and atomic writes.
public enum OutputFiles {
    /// Characters Windows forbids in names, and path separators everywhere.
    private static let forbidden = Set("/\\:*?\"<>|")
    /// The longest name part kept, in characters (well under the 255-byte limit in UTF-8).
    static let maximumLength = 60

    /// A file name part made from ids and names: no separators, no `..`, nothing Windows forbids,
    /// no control characters, no leading or trailing dots or spaces, bounded length.
    public static func safeName(_ text: String) -> String {
        var cleaned = String(text.unicodeScalars.map { scalar -> Character in
            let character = Character(scalar)
            return forbidden.contains(character) || scalar.properties.generalCategory == .control ? "_" : character
        })
        cleaned = cleaned.replacingOccurrences(of: "..", with: "_")
        cleaned = cleaned.trimmingCharacters(in: CharacterSet(charactersIn: ". ").union(.whitespacesAndNewlines))
        if cleaned.count > maximumLength { cleaned = String(cleaned.prefix(maximumLength)) }
        let reserved = ["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] }
        if cleaned.isEmpty || reserved.contains(cleaned.uppercased()) { cleaned = "_" + cleaned }
        return cleaned
    }

    /// Writes `bytes` to `url` through a temporary file in the same folder and a rename, so a crash
    /// never leaves a half-written file under the final name. The folder must exist.
    public static func writeAtomically(_ bytes: [UInt8], to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw posixError(temporary) }
        var written = 0
        let failed = bytes.withUnsafeBytes { raw -> Bool in
            while written < raw.count {
                let result = write(descriptor, raw.baseAddress! + written, raw.count - written)
                if result < 0 { if errno == EINTR { continue }; return true }
                written += result
            }
            return false
        }
        let error = failed ? posixError(temporary) : nil
        guard close(descriptor) == 0, error == nil else {
            unlink(temporary)
            throw error ?? posixError(temporary)
        }
        guard rename(temporary, url.path) == 0 else {
            let renameError = posixError(url.path)
            unlink(temporary)
            throw renameError
        }
    }

    private static func posixError(_ path: String) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path,
                                                 NSLocalizedDescriptionKey: "\(path): \(String(cString: strerror(errno)))"])
    }
}
