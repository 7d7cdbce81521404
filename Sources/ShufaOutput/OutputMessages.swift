import ShufaCatalog
import ShufaODF
import ShufaRoster
import ShufaSystem
import ShufaTemplate

/// Every message of the batch build, in Chinese, from one place: why nothing could be built, which leader's
/// documents could not be made or written, built documents and listings that cannot be trusted, Word copies.
public enum OutputMessages {
    public static func text(_ error: BuildError) -> String {
        switch error {
        case .catalog(let error): return "模板目录 \(error)；改正后再运行，未写出任何文件"
        case .templates(let errors):
            return "模板有错误，未写出任何文件：\n" + errors.errors.map { "  \($0)" }.joined(separator: "\n")
        case .roster(let error): return "名单 \(error)"
        }
    }

    static func text(_ reason: ReportAvailability.Reason) -> String {
        switch reason {
        case .draftStage:
            return "尚未填写述职和述法内容：已生成草稿，未生成述职述法报告（交回后用 shufa extract 提取，再生成报告）"
        case .noText:
            return "述职和述法内容都为空，未生成述职述法报告：请在名单中填写，或用 shufa extract 从交回的草稿中提取"
        case .noLaw:
            return "述法内容为空，未生成述职述法报告：请填写述法内容；交回的草稿若删除或改动了述法标题，请恢复后重新提取"
        case .noDuty: return "述职内容为空，未生成述职述法报告：请填写述职内容"
        }
    }

    /// A document of `kind` that could not be written.
    static func notWritten(_ kind: DocumentKind, _ error: OutputError) -> String { "\(kind.chineseName)：\(error)" }

    /// The documents a later stage makes from the whole roster (the tally's entry workbook) that could not be
    /// written.
    static func rosterDocumentNotWritten(_ kind: DocumentKind, _ error: Error) -> String {
        "未能写出\(kind.chineseName)文件：\(error)"
    }

    public static func text(_ problem: BuiltDocument.Problem) -> String {
        switch problem {
        case .file(.missing): return "文件不存在：请重新生成（shufa build）后再打印"
        case .file(let problem): return problem.description
        case .unsafePath: return "路径不是「类别/文件名.fodt|.odt|.docx」的形式，可能指向批次文件夹以外：已拒绝"
        case .changed: return "内容与 summary.json 记录的 SHA-256 不一致（已被修改、替换或截断）：请重新生成后再打印"
        case .notODF(let error): return "不是 ODF 文字文档（\(error.message)）：已拒绝"
        case .otherMimetype(let mimetype): return "不是 ODF 文字文档（mimetype \(mimetype ?? "缺失")）：已拒绝"
        case .malformed(let error): return "不是 ODF 文字文档（\(error)）：已拒绝"
        case .noTextBody: return "不是 ODF 文字文档（没有 office:document 的文字正文）：已拒绝"
        }
    }

    public static func text(_ problem: BuildListing.Problem) -> String {
        switch problem {
        case .noSummary(let folder):
            return "\(folder) 中没有 summary.json：请先生成文书（shufa build --out \(folder)），或指定 shufa build 写出的文件夹"
        case .unreadable(let file, let reason): return "无法读取 \(file)（\(text(reason))）：请用 shufa build 重新生成"
        case .unsafePath(let file, let document):
            return "\(file) 列出的文书路径「\(document.prefix(200))」不是 shufa build 写出的「类别/文件名」形式，"
                + "可能指向批次文件夹以外：清单已被改动或损坏，未读取任何文书；请重新生成（shufa build）"
        }
    }

    static func text(_ reason: BuildListing.Reason) -> String {
        switch reason {
        case .file(let problem): return problem.description
        case .notBuildSummary: return "不是 shufa build 写出的格式"
        case .nothingListed: return "既没有 documents，也没有 journal.jsonl"
        case .journalChanged: return "SHA-256 与 summary.json 记录的不一致（已被修改或替换）"
        }
    }

    public static func text(_ error: WordError) -> String {
        switch error {
        case .noLibreOffice:
            return "生成 Word 文档（.docx）需要 LibreOffice，本机没有安装：请运行 bash scripts/setup.sh 安装，"
                + "或去掉 --format 中的 docx（未写出任何文件）"
        case .sourceUnreadable(let problem): return "无法读回已写出的 ODF 文档：\(problem)"
        case .converterFailed(let failure): return "无法运行 LibreOffice：\(failure)"
        case .workspace(let error): return "无法准备转换用的临时文件夹：\(error)"
        case .notConverted(let timedOut):
            return timedOut ? "LibreOffice 转换超时，已停止" : "LibreOffice 未能转换（单独重试后仍失败）"
        case .unreadableOutput(let problem): return "LibreOffice 写出的 .docx 无法读取（\(problem)）"
        case .notPackage: return "LibreOffice 写出的 .docx 无法读取（不是可读的 ZIP 包）"
        case .damagedPart(let error): return "LibreOffice 写出的 .docx 无法读取（\(error.message)）"
        case .missingPart(let part): return "LibreOffice 写出的 .docx 无法读取（包中没有 \(part)）"
        case .emptyPart(let part): return "LibreOffice 写出的 .docx 无法读取（\(part) 是空的）"
        case .malformedPart(let part, let error): return "LibreOffice 写出的 .docx 无法读取（\(part)：\(error)）"
        }
    }

    /// The .docx of a document of `kind` that could not be written.
    static func wordCopyNotWritten(_ kind: DocumentKind, _ error: OutputError) -> String {
        "\(kind.chineseName)的 Word 文档（.docx）未能写出：\(error)"
    }

    /// The .docx of a document of `kind` that could not be made; `kept` names the ODF document kept instead.
    static func wordCopyNotMade(_ kind: DocumentKind, _ error: WordError, kept: String?) -> String {
        "\(kind.chineseName)的 Word 文档（.docx）未能生成：\(error)" + (kept.map { "；已保留 \($0)" } ?? "")
    }
}
