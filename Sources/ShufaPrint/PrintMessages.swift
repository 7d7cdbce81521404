import Foundation
import ShufaOutput
import ShufaSystem

/// Every message of printing, in Chinese, from one place.
public enum PrintMessages {
    public static func text(_ error: PrintError) -> String {
        switch error {
        case .listing(let problem): return problem.description
        case .nothingToPrint(let folder):
            return "\(folder)/summary.json 中没有列出任何文书：请检查名单后重新生成（shufa build）"
        case .onlyWordCopies(let folder):
            return "\(folder) 中只有 Word 文档（.docx）：打印用 ODF 文档，请用 --format fodt,docx 重新生成后再打印"
        case .libreOffice(let failure): return failure.description
        case .qpdf(let failure): return failure.description
        case .workspace(let error): return "无法在临时文件夹中拼合 PDF：\(error)"
        case .unreadablePage(let path, let problem):
            return "无法读回 qpdf 写出的 \(path)（\(problem)）：请确认磁盘未满后重新打印"
        case .output(let error): return error.description
        }
    }

    /// A listed document refused before conversion.
    static func refused(_ problem: BuiltDocument.Problem) -> String { problem.description }

    /// A document LibreOffice could not convert, even alone.
    static func notConverted(_ failure: PrintConverter.ConversionFailure) -> String {
        text(failure) + "；请用 LibreOffice 打开该文件查看原因，改正后重新打印"
    }

    static func text(_ failure: PrintConverter.ConversionFailure) -> String {
        switch failure {
        case .unreadable(let problem): return "无法读回文书：\(problem)"
        case .workspace(let error): return "无法准备交给 LibreOffice 的文件：\(error)"
        case .notRun: return "LibreOffice 未运行"
        case .cannotStart(let failure): return "LibreOffice 无法启动：\(failure)"
        case .timedOut(let seconds): return "LibreOffice 在 \(String(format: "%g", seconds)) 秒内没有完成"
        case .noPDF: return "LibreOffice 没有写出 PDF"
        case .unreadablePDF(let failure): return failure.description
        case .noPages: return "LibreOffice 写出的 PDF 没有页面"
        case .noDocumentStarts: return "合并转换的 PDF 中找不到每份文书的起始页"
        }
    }
}
