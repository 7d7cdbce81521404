import Crypto
import Foundation

/// Safe file names and atomic writes.
public enum OutputFiles {
    /// Characters Windows forbids in names, and path separators everywhere.
    private static let forbidden = Set("/\\:*?\"<>|")
    /// The longest name part kept, in characters (well under the 255-byte limit in UTF-8).
    public static let maximumLength = 60

    /// A file name part made from ids and names: no separators, no `..`, nothing Windows forbids,
    /// no control characters, no leading or trailing dots or spaces, bounded length.
    public static func safeName(_ text: String, limit: Int = OutputFiles.maximumLength) -> String {
        var cleaned = String(text.unicodeScalars.map { scalar -> Character in
            let character = Character(scalar)
            return forbidden.contains(character) || scalar.properties.generalCategory == .control ? "_" : character
        })
        cleaned = cleaned.replacingOccurrences(of: "..", with: "_")
        let ends = CharacterSet(charactersIn: ". ").union(.whitespacesAndNewlines)
        cleaned = cleaned.trimmingCharacters(in: ends)
        if cleaned.count > limit { cleaned = String(cleaned.prefix(limit)).trimmingCharacters(in: ends) }
        let reserved = ["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] }
        if cleaned.isEmpty || reserved.contains(cleaned.uppercased()) { cleaned = "_" + cleaned }
        return cleaned
    }

    /// The longest stem kept by `uniqueNames`, in characters, so that stem, disambiguation suffix, kind and
    /// extension stay under 255 bytes even in four-byte characters.
    static let maximumStemLength = 40

    /// Safe, distinct name stems for `texts` (e.g. "id-name" of every leader), in order. Two texts whose safe
    /// names would be the same file on any system (sanitising "a/b" and "a_b" alike, truncation, or letters
    /// differing only in case, as Windows and macOS see them) are told apart deterministically: the first keeps
    /// its name, a later one gets "~" and 8 hex digits of the SHA-256 of its text (then a counter, should even
    /// that collide).
    public static func uniqueNames(_ texts: [String]) -> [String] {
        var used = Set<String>()
        return texts.map { text in
            let plain = safeName(text, limit: maximumStemLength)
            var name = plain
            if used.contains(collisionKey(name)) {
                let digest = SHA256.hash(data: Data(text.utf8)).prefix(4).map { String(format: "%02x", $0) }.joined()
                name = "\(plain)~\(digest)"
            }
            var counter = 2
            let base = name
            while used.contains(collisionKey(name)) {
                name = "\(base)~\(counter)"
                counter += 1
            }
            used.insert(collisionKey(name))
            return name
        }
    }

    /// How a case-insensitive, normalising file system compares names.
    private static func collisionKey(_ name: String) -> String { name.precomposedStringWithCanonicalMapping.lowercased() }

    /// Writes `bytes` to `url` through a temporary file in the same folder and a rename, so a crash
    /// never leaves a half-written file under the final name. Creates the folder when it is missing.
    public static func writeAtomically(_ bytes: [UInt8], to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp").path
        var descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == ENOENT {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
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
