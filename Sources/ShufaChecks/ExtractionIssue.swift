/// What `extract` could not read cleanly from a returned report, with where it is; rendered here, in
/// one place, to the Chinese sentence a clerk acts on. Errors mean the leader's data is incomplete.
public enum ExtractionIssue: Sendable, Equatable, CustomStringConvertible {
    /// No 述法 heading at all (deleted or renamed): the 述法 text, if any, ended up in 述职; `suspects` are
    /// the paragraphs that read like 述法.
    case noLawPart(file: String, suspects: [Int])
    /// The 述法 heading is there but nothing was written under it (only prompts, or nothing).
    case emptyLawPart(file: String, heading: String)
    /// The 述法 heading was demoted under another item; its text was taken as the 述法 anyway.
    case lawNested(file: String, heading: String, paragraph: Int)
    /// The 述法 is only a run-in 「二是」 point inside another item; it cannot be cut out reliably.
    case lawRunInPoint(file: String, paragraph: Int)
    /// 述法 headings in several places; their texts were joined.
    case lawSplit(file: String, paragraphs: [Int])
    /// No 述职 text.
    case noDutyPart(file: String)
    /// The document is a law-only report: there is no 述职 part to take.
    case lawOnlyReport(file: String)
    /// A paragraph that belongs to no part (under an appendix heading…).
    case unplaced(file: String, paragraph: Int, text: String)
    /// Neither title nor opening says what the document is.
    case unknownForm(file: String)

    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity {
        switch self {
        case .lawNested, .lawSplit, .unknownForm: return .warning
        default: return .error
        }
    }

    public var description: String {
        switch self {
        case .noLawPart(let file, let suspects):
            let seen = suspects.isEmpty ? "" : "（" + suspects.map { "第\($0)段" }.joined(separator: "、") + "看来是述法内容）"
            return "\(file)：没有找到述法部分（「二、履行推进法治建设第一责任人职责情况」标题被删除或改动），"
                + "述法内容为空，其下的文字已归入述职内容\(seen)；请恢复该标题后重新提取"
        case .emptyLawPart(let file, let heading):
            return "\(file)：「\(heading)」下没有填写内容，述法内容为空；请填写后重新提取"
        case .lawNested(let file, let heading, let paragraph):
            return "\(file) 第\(paragraph)段：述法部分「\(heading)」写成了下级标题，已按述法部分提取；请在报告中把它提为一级标题"
        case .lawRunInPoint(let file, let paragraph):
            return "\(file) 第\(paragraph)段：述法内容只是其他部分中的一个「一是、二是」小点，无法单独提取；"
                + "请把它改为单独的一级标题「履行推进法治建设第一责任人职责情况」后重新提取"
        case .lawSplit(let file, let paragraphs):
            let places = paragraphs.map { "第\($0)段" }.joined(separator: "、")
            return "\(file)：述法内容分散在 \(paragraphs.count) 处（\(places)），已按顺序合并为述法内容；请核对"
        case .noDutyPart(let file):
            return "\(file)：没有找到述职内容（「一、履行岗位职责情况」下为空或标题被删除）；请补上后重新提取"
        case .lawOnlyReport(let file):
            return "\(file)：本文为单独的述法报告，没有述职部分，无法生成述职述法报告；请按述职述法报告的格式填写草稿"
        case .unplaced(let file, let paragraph, let text):
            return "\(file) 第\(paragraph)段「\(FindingMessage.short(text))」不属于述职、述法或存在问题部分，未提取；"
                + "请把它移到相应部分后重新提取"
        case .unknownForm(let file):
            return "\(file)：标题和开头都没有说明本文是述职述法报告，已按述职述法报告提取；请核对"
        }
    }
}
