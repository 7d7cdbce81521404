import Foundation

/// Why a file of a batch could not be written, with the path concerned; rendered in Chinese here only.
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

        public var description: String {
            switch code {
            case ENOSPC: return "磁盘空间已满"
            case EDQUOT: return "超出磁盘配额"
            case EROFS: return "文件系统是只读的"
            case EACCES: return "没有写入权限"
            case EPERM: return "不允许修改（可能被设为不可更改，如 chattr +i）"
            case ENOTDIR: return "路径中有一项是文件而不是文件夹"
            case EISDIR: return "该位置已有一个同名文件夹"
            case ENAMETOOLONG: return "文件名过长"
            case ELOOP: return "路径中有符号链接"
            case ENOENT: return "文件夹不存在"
            case EIO: return "磁盘读写错误"
            case EEXIST: return "已存在同名文件"
            default: return "系统错误 \(code)（\(String(cString: strerror(code)))）"
            }
        }
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

    /// What went wrong, without the path.
    var reason: String {
        switch self {
        case .diskFull: return "磁盘空间已满"
        case .notWritable(_, let reason), .fileNotWritten(_, let reason): return reason.description
        default: return description
        }
    }

    public var description: String {
        switch self {
        case .notAFolder(let path): return "\(path) 不是文件夹（是一个文件）：请用 --out 指定一个文件夹"
        case .symbolicLink(let path):
            return "\(path) 是符号链接，写入它会写到输出文件夹以外：已拒绝；请删除这个链接后再运行"
        case .notWritable(let path, let reason): return "无法写入 \(path)：\(reason)；请换一个可写的文件夹（--out）"
        case .diskFull(let path): return "无法写入 \(path)：磁盘空间已满；已停止，请腾出空间后重新运行"
        case .busy(let path):
            return "另一个 shufa 正在写入 \(path)：同一文件夹同时只能有一个批次，请等它结束后再运行，或用 --out 换一个文件夹"
        case .fileNotWritten(let path, let reason): return "无法写入 \(path)：\(reason)"
        case .summaryNotWritten(let path, let cause):
            return "批次清单 \(path) 未能写出（\(cause.reason)）：已写出的文件没有清单，请腾出空间或换一个文件夹后重新运行"
        }
    }
}
