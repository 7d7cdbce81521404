/// The kinds of document shufa makes.
public enum DocumentKind: String, Sendable, CaseIterable, Codable, Comparable {
    /// 述职述法报告（草稿）
    case draft
    /// 述职述法报告
    case report
    /// 考核评议表
    case form
    /// 民主测评表 (one per unit)
    case ballot
    /// 年度履行推进法治建设第一责任人职责任务清单
    case tasklist
    /// 考核测评: the tally's entry workbook and results (written by ShufaTally, not from a role's template)
    case tally

    /// The Chinese name, used in file names and titles.
    public var chineseName: String {
        switch self {
        case .draft: return "述职述法报告（草稿）"
        case .report: return "述职述法报告"
        case .form: return "考核评议表"
        case .ballot: return "民主测评表"
        case .tasklist: return "职责任务清单"
        case .tally: return "考核测评"
        }
    }

    public static func < (a: DocumentKind, b: DocumentKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
