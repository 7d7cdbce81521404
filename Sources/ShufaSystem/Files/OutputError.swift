import Foundation

/// Why a file of a batch could not be written, with the path concerned; rendered in Chinese by `SystemMessages`.
public enum OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path (`--out` or a folder inside it) is a file, not a folder.
    case notAFolder(String)
    /// A folder inside the output folder is a symbolic link: writing through it would leave the output folder.
    case symbolicLink(String)
    /// The folder cannot be written to (read-only file system, no permission, immutable), with the system's reason.
    case notWritable(String, SystemReason)
    /// The disk (or the user's quota) is full.
    case diskFull(String)
    /// Another shufa is writing into the same folder.
    case busy(String)
    /// This one file could not be written (a folder in its place, a name too long, …).
    case fileNotWritten(String, SystemReason)
    /// `summary.json` (the path) could not be written, because of `cause`.
    indirect case summaryNotWritten(String, cause: OutputError)

    /// A system error number, kept to say in Chinese what went wrong.
    public struct SystemReason: Sendable, Equatable, CustomStringConvertible {
        public var code: Int32

        public var description: String { SystemMessages.text(self) }
    }

    /// The error for system error number `code` at `path`: a full disk, an unwritable folder, or this file only.
    static func system(_ code: Int32, path: String) -> OutputError {
        switch code {
        case ENOSPC, EDQUOT: return .diskFull(path)
        case EROFS, EACCES, EPERM: return .notWritable(path, SystemReason(code: code))
        case ENOTDIR: return .notAFolder(path)
        case ELOOP: return .symbolicLink(path)
        default: return .fileNotWritten(path, SystemReason(code: code))
        }
    }

    /// True when no other file of the batch can be written either: the batch stops and says so once.
    public var stopsBatch: Bool {
        if case .fileNotWritten = self { return false }
        return true
    }

    public var description: String { SystemMessages.text(self) }
}
