/// What `extract` could not read cleanly from a returned report, with where it is; rendered by
/// `CheckMessages` to the Chinese sentence a clerk acts on. Errors mean the leader's data is incomplete.
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

    public var description: String { CheckMessages.text(self) }
}
