import Foundation

/// Every message of ShufaSystem, in Chinese, from one place: files that cannot be read or written, and
/// external programs that cannot be run.
public enum SystemMessages {
    public static func text(_ problem: RegularFile.Problem) -> String {
        switch problem {
        case .missing: return "文件不存在"
        case .isFolder: return "这是一个文件夹，不是文件"
        case .notRegular: return "不是普通文件（管道、设备等），不能读取"
        case .symbolicLink: return "是符号链接：已拒绝"
        case .tooLarge(let limit): return "文件超过 \(SizeLimit.text(limit)) 的上限：已拒绝"
        case .unreadable(let code): return "无法读取：\(text(OutputError.SystemReason(code: code)))"
        }
    }

    public static func text(_ reason: OutputError.SystemReason) -> String {
        switch reason.code {
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
        case EINVAL: return "文件名不合规定"
        case EBUSY: return "文件或设备正被占用"
        case let code: return "系统错误 \(code)"
        }
    }

    public static func text(_ error: OutputError) -> String {
        switch error {
        case .notAFolder(let path): return "\(path) 不是文件夹（是一个文件）：请用 --out 指定一个文件夹"
        case .symbolicLink(let path):
            return "\(path) 是符号链接，写入它会写到输出文件夹以外：已拒绝；请删除这个链接后再运行"
        case .notWritable(let path, let reason): return "无法写入 \(path)：\(text(reason))；请换一个可写的文件夹（--out）"
        case .diskFull(let path): return "无法写入 \(path)：磁盘空间已满；已停止，请腾出空间后重新运行"
        case .busy(let path):
            return "另一个 shufa 正在写入 \(path)：同一文件夹同时只能有一个批次，请等它结束后再运行，或用 --out 换一个文件夹"
        case .fileNotWritten(let path, let reason): return "无法写入 \(path)：\(text(reason))"
        case .summaryNotWritten(let path, let cause):
            return "批次清单 \(path) 未能写出（\(reason(cause))）：已写出的文件没有清单，请腾出空间或换一个文件夹后重新运行"
        }
    }

    /// What went wrong, without the path.
    static func reason(_ error: OutputError) -> String {
        switch error {
        case .diskFull: return "磁盘空间已满"
        case .notWritable(_, let reason), .fileNotWritten(_, let reason): return text(reason)
        default: return text(error)
        }
    }

    public static func text(_ failure: ChildProcess.Failure) -> String {
        switch failure {
        case .cannotStart(let program, let code):
            let reason = code == ENOENT ? "找不到该程序" : text(OutputError.SystemReason(code: code))
            return "无法启动 \(program)：\(reason)"
        case .noWorkspace(let error): return "无法建立临时文件夹：\(text(error))"
        }
    }

    public static func text(_ failure: LibreOffice.Failure) -> String {
        switch failure {
        case .notInstalled:
            return "本机没有安装 LibreOffice：请运行 bash scripts/setup.sh 安装"
                + "（或 apt-get install libreoffice-writer-nogui fonts-noto-cjk）"
        case .timedOut(let seconds): return "LibreOffice 在 \(Int(seconds)) 秒内没有完成，已停止"
        case .missingOutput(let files): return "LibreOffice 没有为以下文件写出结果：\(files.joined(separator: "、"))"
        case .cannotRun(let failure): return "无法运行 LibreOffice：\(text(failure))"
        case .workspace(let error): return "无法为 LibreOffice 准备文件夹：\(text(error))"
        }
    }

    public static func text(_ failure: QPDF.Failure) -> String {
        let check = "请确认已安装 qpdf 11 或更高版本（bash scripts/setup.sh）"
        switch failure {
        case .notInstalled: return "本机没有安装 qpdf：请运行 bash scripts/setup.sh 安装（或 apt-get install qpdf）"
        case .cannotRun(let failure): return "无法运行 qpdf：\(text(failure))"
        case .failed(let file, let status, let message):
            let said = message.isEmpty ? "" : "（qpdf 的说明：\(message.prefix(300))）"
            return "qpdf 处理 \(file) 失败，退出码 \(status)\(said)：\(check)，并确认磁盘未满"
        case .unexpectedOutput(let file): return "qpdf 对 \(file) 的描述无法使用：\(check)"
        case .workspace(let file, let path): return "处理 \(file) 时无法写出 \(path)：请确认磁盘未满"
        }
    }
}
