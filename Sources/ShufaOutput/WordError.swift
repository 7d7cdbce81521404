import ShufaSystem

/// Why Word copies (.docx) cannot be made, or one of them was not; rendered in Chinese here only.
public enum WordError: Error, Sendable, Equatable, CustomStringConvertible {
    /// LibreOffice is not installed: no .docx can be made at all.
    case noLibreOffice
    /// The built ODF document could not be read back to be converted (the reason).
    case sourceUnreadable(String)
    /// LibreOffice could not be started or its workspace prepared (the reason).
    case converterFailed(String)
    /// LibreOffice wrote no .docx, even converting the document alone; `timedOut` when it was stopped.
    case notConverted(timedOut: Bool)
    /// What LibreOffice wrote is not a readable Word package (the reason).
    case damagedOutput(String)

    public var description: String {
        switch self {
        case .noLibreOffice:
            return "生成 Word 文档（.docx）需要 LibreOffice，本机没有安装：请运行 bash scripts/setup.sh 安装，"
                + "或去掉 --format 中的 docx（未写出任何文件）"
        case .sourceUnreadable(let reason): return "无法读回已写出的 ODF 文档：\(reason)"
        case .converterFailed(let reason): return "无法运行 LibreOffice：\(reason)"
        case .notConverted(let timedOut):
            return timedOut ? "LibreOffice 转换超时，已停止" : "LibreOffice 未能转换（单独重试后仍失败）"
        case .damagedOutput(let reason): return "LibreOffice 写出的 .docx 无法读取（\(reason)）"
        }
    }
}
