import Crypto
import Foundation
import ShufaText

/// Safe file names and atomic writes.
public enum OutputFiles {
    /// Characters Windows forbids in names, and path separators everywhere.
    private static let forbidden = Set("/\\:*?\"<>|")
    /// The longest name part kept, in characters (grapheme clusters).
    public static let maximumLength = 60
    /// The most bytes a name part may take in UTF-8: file systems allow 255 per name, and kind, suffixes
    /// and extension need the rest.
    public static let maximumBytes = 160
    /// The most bytes one character may take in a name: a letter and a few accents, not hundreds.
    static let maximumCharacterBytes = 16

    /// A file name part made from ids and names: no separators, no `..`, nothing Windows forbids,
    /// no control characters, no leading or trailing dots or spaces, at most `limit` characters and
    /// `maximumBytes` bytes, each character at most `maximumCharacterBytes` bytes (extra accents dropped).
    public static func safeName(_ text: String, limit: Int = OutputFiles.maximumLength) -> String {
        simpleSafeName(text, limit: limit) ?? characterSafeName(text, limit: limit)
    }

    /// `safeName` read by characters (any text).
    static func characterSafeName(_ text: String, limit: Int) -> String {
        var cleaned = String(text.unicodeScalars.map { scalar -> Character in
            let character = Character(scalar)
            return forbidden.contains(character) || scalar.properties.generalCategory == .control ? "_" : character
        })
        let dot = UInt8(ascii: ".")
        if zip(cleaned.utf8, cleaned.utf8.dropFirst()).contains(where: { $0 == dot && $1 == dot }) {
            cleaned = cleaned.replacingOccurrences(of: "..", with: "_")
        }
        cleaned = bounded(cleaned.trimmingCharacters(in: ends), characters: limit).trimmingCharacters(in: ends)
        if cleaned.isEmpty || reserved.contains(cleaned.uppercased()) { cleaned = "_" + cleaned }
        return cleaned
    }

    /// `safeName` of a text whose every scalar is a character of its own (`SimpleText`), with no `..` and no
    /// U+200B, made from its scalars (an id and a name, nearly always): nil for other texts.
    static func simpleSafeName(_ text: String, limit: Int) -> String? {
        let dot = UInt8(ascii: ".")
        guard SimpleText.isSimple(text), !text.unicodeScalars.contains("\u{200B}"),
            !zip(text.utf8, text.utf8.dropFirst()).contains(where: { $0 == dot && $1 == dot })
        else { return nil }
        let scalars = text.unicodeScalars.map { scalar -> Unicode.Scalar in
            forbiddenScalars.contains(scalar) || scalar.properties.generalCategory == .control ? "_" : scalar
        }
        var kept: [Unicode.Scalar] = [], bytes = 0
        for scalar in trimmed(scalars[...]).prefix(limit) {
            guard bytes + scalar.utf8.count <= maximumBytes else { break }
            kept.append(scalar)
            bytes += scalar.utf8.count
        }
        var name = String(String.UnicodeScalarView(trimmed(kept[...])))
        if name.isEmpty || reserved.contains(name.uppercased()) { name = "_" + name }
        return name
    }

    /// Without the scalars a name may not start or end with (`ends`: dots and white space).
    private static func trimmed(_ scalars: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        let kept = { (scalar: Unicode.Scalar) in scalar != "." && !SimpleText.isWhitespace(scalar) }
        guard let first = scalars.firstIndex(where: kept), let last = scalars.lastIndex(where: kept) else { return [] }
        return scalars[first...last]
    }

    private static let forbiddenScalars = Set("/\\:*?\"<>|".unicodeScalars)

    /// What a name may not start or end with.
    private static let ends = CharacterSet(charactersIn: ". ").union(.whitespacesAndNewlines)
    /// Names Windows reserves for devices.
    private static let reserved = Set(["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })

    /// The first `characters` characters of `text` that fit in `maximumBytes`, each cut to its first scalars
    /// that fit in `maximumCharacterBytes`.
    private static func bounded(_ text: String, characters: Int) -> String {
        var result = "", bytes = 0
        for character in text.prefix(characters) {
            var kept = ""
            for scalar in character.unicodeScalars {
                guard kept.utf8.count + scalar.utf8.count <= maximumCharacterBytes else { break }
                kept.unicodeScalars.append(scalar)
            }
            guard bytes + kept.utf8.count <= maximumBytes else { break }
            result += kept
            bytes += kept.utf8.count
        }
        return result
    }

    /// The longest stem kept by `uniqueNames`, in characters, so that stem, disambiguation suffix, kind and
    /// extension stay under 255 bytes even in four-byte characters.
    package static let maximumStemLength = 40

    /// Safe, distinct name stems for `texts` (e.g. "id-name" of every leader), in order. Two texts whose safe
    /// names would be the same file on any system (sanitising "a/b" and "a_b" alike, truncation, or letters
    /// differing only in case, as Windows and macOS see them) are told apart deterministically: the first keeps
    /// its name, a later one gets "~" and 8 hex digits of the SHA-256 of its text (then a counter, should even
    /// that collide).
    public static func uniqueNames(_ texts: [String]) -> [String] {
        var names = UniqueNames()
        return texts.map { names.next($0) }
    }
}

extension OutputFiles {

    /// Writes `bytes` to `url` through a temporary file in the same folder, `fsync` and a rename, so a crash
    /// never leaves a half-written file under the final name. Creates the folder when it is missing. For
    /// files outside a batch's output folder (which `OutputFolder` writes, never following a symbolic link).
    public static func writeAtomically(_ bytes: [UInt8], to url: URL) throws(OutputError) {
        let parent = url.deletingLastPathComponent()
        try OutputFolder.createPath(parent)
        let folder = open(parent.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw .system(errno, path: parent.path) }
        defer { close(folder) }
        try write(bytes, named: url.lastPathComponent, in: folder, path: url.path)
    }

    /// Writes `bytes` as `name` in the open folder `folder`, never leaving a half-written file under `name` and
    /// never writing through a symbolic link: as an unnamed file (`O_TMPFILE`) that is given its name once
    /// written, or — where the file system has no unnamed files, or `/proc` is missing — as a new temporary file
    /// of a unique name, created exclusively. The data is flushed to disk unless `durable` is false (the batch's
    /// documents are flushed all at once by `OutputFolder.synchronize`). A file or symbolic link already at
    /// `name` is replaced by a rename, never written through. `path` names the file in errors.
    ///
    /// The unnamed way costs the folder one entry change instead of two, and the new inode is allocated
    /// outside the folder's lock: two threads writing into one folder no longer wait on each other's inode
    /// allocation. `way` other than `.unnamed` takes that way only (for tests of it).
    static func write(_ bytes: [UInt8], named name: String, in folder: Int32, path: @autoclosure () -> String,
                      durable: Bool = true, way: Way = .unnamed) throws(OutputError) {
        if way != .named, try writeUnnamed(bytes, named: name, in: folder, path: path(), durable: durable,
                                           byDescriptor: way == .unnamed) {
            return
        }
        let (descriptor, temporary) = try createTemporary(in: folder, path: path())
        var failure = fill(descriptor, with: bytes, durable: durable)
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure == 0 && renameat(folder, temporary, folder, name) != 0 { failure = errno }
        guard failure == 0 else {
            unlinkat(folder, temporary, 0)
            throw .system(failure, path: path())
        }
    }

    /// `O_TMPFILE` (Linux): open a file with no name in a folder.
    private static let unnamedFile = 0o20000000 | O_DIRECTORY

    /// How `write` gives a file its name.
    enum Way {
        /// An unnamed file, linked by its descriptor where the kernel allows it, else through `/proc/self/fd`.
        case unnamed
        /// An unnamed file, linked through `/proc/self/fd` only.
        case unnamedThroughProc
        /// A temporary file of a unique name, renamed.
        case named
    }

    /// Writes `bytes` as an unnamed file in `folder` and links it as `name`; when `name` exists, links it under a
    /// temporary name and renames that over `name`. False when the unnamed way is not available here (nothing
    /// written); throws when writing or linking fails.
    private static func writeUnnamed(
        _ bytes: [UInt8], named name: String, in folder: Int32, path: @autoclosure () -> String, durable: Bool,
        byDescriptor: Bool
    ) throws(OutputError) -> Bool {
        let descriptor = openat(folder, ".", unnamedFile | O_WRONLY | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let failure = fill(descriptor, with: bytes, durable: durable)
        guard failure == 0 else { throw .system(failure, path: path()) }
        let link = UnnamedLink(descriptor: descriptor, folder: folder, byDescriptor: byDescriptor)
        if link.name(name) { return true }
        switch errno {
        case EEXIST: break
        case ENOENT, ENOTDIR, EACCES, EPERM: return false
        default: throw .system(errno, path: path())
        }
        let temporary = try temporaryName(path: path()) { link.name($0) }
        guard renameat(folder, temporary, folder, name) == 0 else {
            let code = errno
            unlinkat(folder, temporary, 0)
            throw .system(code, path: path())
        }
        return true
    }

    /// Writes all of `bytes` to `descriptor` and, when `durable`, flushes it to disk; the `errno` of what
    /// failed, or 0.
    private static func fill(_ descriptor: Int32, with bytes: [UInt8], durable: Bool) -> Int32 {
        let failure = bytes.withUnsafeBytes { raw -> Int32 in
            var written = 0
            while written < raw.count {
                let result = Foundation.write(descriptor, raw.baseAddress! + written, raw.count - written)
                if result < 0 && errno == EINTR { continue }
                guard result > 0 else { return result < 0 ? errno : EIO }
                written += result
            }
            return 0
        }
        guard failure == 0 else { return failure }
        return durable && fsync(descriptor) != 0 ? errno : 0
    }

    /// The prefix of every temporary file shufa writes: `.shufa-<process id>-<random>.tmp`.
    static let temporaryPrefix = ".shufa-"

    /// Creates a temporary file of a new, unique name in `folder` (O_EXCL: never an existing file;
    /// O_NOFOLLOW: never through a symbolic link planted at that name).
    static func createTemporary(in folder: Int32, path: @autoclosure () -> String) throws(OutputError)
        -> (Int32, String)
    {
        var descriptor: Int32 = -1
        let name = try temporaryName(path: path()) { name in
            descriptor = openat(folder, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            return descriptor >= 0
        }
        return (descriptor, name)
    }

    /// A new temporary name `.shufa-<process id>-<random>.tmp` that `create` made a file under (true), trying
    /// another name while one exists (EEXIST, up to 16 names); otherwise why it could not.
    private static func temporaryName(
        path: @autoclosure () -> String, _ create: (String) -> Bool
    ) throws(OutputError) -> String {
        var code = EEXIST
        for _ in 0..<16 where code == EEXIST {
            let name = "\(temporaryPrefix)\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36)).tmp"
            if create(name) { return name }
            code = errno
        }
        throw .system(code, path: path())
    }

    /// The process that wrote a temporary file named like `temporaryPrefix`, or nil for other names.
    static func temporaryOwner(_ name: String) -> pid_t? {
        guard name.hasPrefix(temporaryPrefix), name.hasSuffix(".tmp") else { return nil }
        return name.dropFirst(temporaryPrefix.count).split(separator: "-").first.flatMap { pid_t($0) }
    }
}
