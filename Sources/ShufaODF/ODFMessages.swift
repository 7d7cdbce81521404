import ShufaSystem

/// Every message of ShufaODF, in Chinese, from one place.
public enum ODFMessages {
    /// What is wrong with a document, without its file's name (`ReadError.description` adds it).
    public static func text(_ error: ODFParts.ReadError) -> String {
        switch error {
        case .file(_, let problem): return problem.description
        case .empty: return "文件是空的"
        case .tooLarge(_, let limit): return "文件大于 \(SizeLimit.text(limit))，拒绝读取"
        case .damagedPackage: return "不是可读的 ZIP 包（文件不完整或已损坏），请重新保存或重新发送"
        case .emptyPackage: return "压缩包是空的，不是 ODF 文档"
        case .noContent: return "压缩包中没有 content.xml，不是 ODF 文档；请另存为 .odt 或 .docx"
        case .partTooLarge(_, let part, let size, let limit):
            return "「\(part)」解压后有 \(size) 字节，超过 \(SizeLimit.text(limit)) 的限制，拒绝解压"
        case .partUnreadable(_, let part, let limit): return "无法解压「\(part)」：已损坏或超过 \(SizeLimit.text(limit)) 的限制"
        case .partDamaged(_, let part): return "无法解压「\(part)」：已损坏（校验和不符）"
        case .passwordProtected:
            return "文档设有密码保护（已加密），无法读取：请在办公软件中取消密码后另存，再检查"
        }
    }

    public static func text(_ issue: ODFParts.PackagingIssue) -> String {
        switch issue {
        case .mimetypeNotFirst: return "ODF 包中 mimetype 不是第一个文件"
        case .mimetypeCompressed: return "ODF 包中的 mimetype 被压缩了，按规定应原样存放"
        }
    }
}
