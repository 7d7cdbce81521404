/// What kind of report a document is (报告形式).
public enum ReportForm: String, Sendable, Codable, CaseIterable {
    /// 述职述法报告: a 述职 part and a 述法 part in one report (seed 004: 列入个人年度述职报告，单独列项).
    case combined
    /// 单独的述法报告 / 履行推进法治建设第一责任人职责情况报告: the whole document is the 述法.
    case lawOnly = "law-only"
    /// 述职报告 with no 述法 part.
    case dutyOnly = "duty-only"
    /// Neither title nor opening nor structure says which.
    case unknown

    /// The form's name in messages.
    public var chineseName: String {
        switch self {
        case .combined: return "述职述法报告"
        case .lawOnly: return "单独的述法报告"
        case .dutyOnly: return "述职报告（无述法部分）"
        case .unknown: return "文种不明"
        }
    }
}
