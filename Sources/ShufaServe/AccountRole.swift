/// What an account may do at the desk.
public enum AccountRole: String, Codable, CaseIterable, Sendable {
    /// 经办人员 (组织部门 / 依法治县办): the roster, the batch, the tally, the accounts.
    case clerk
    /// 领导干部: their own draft, returned report and final report, and nothing else.
    case leader
    /// 审核审定人员: reviews returned reports and records 审核 / 审定.
    case reviewer
    /// 考核主管部门 / 档案管理: the status table, search, the trail, 报送 and 归档, export.
    case archivist

    /// The name shown on pages.
    public var chineseName: String {
        switch self {
        case .clerk: return "经办人员"
        case .leader: return "领导干部"
        case .reviewer: return "审核审定人员"
        case .archivist: return "考核主管部门"
        }
    }

    /// The role named `text`: its id (`clerk`…) or its Chinese name.
    public init?(named text: String) {
        let name = text.trimmingCharacters(in: .whitespaces)
        guard let found = Self.allCases.first(where: { $0.rawValue == name || $0.chineseName == name }) else {
            return nil
        }
        self = found
    }

    /// The first page after signing in.
    var home: String {
        switch self {
        case .clerk: return "/clerk"
        case .leader: return "/leader"
        case .reviewer: return "/review"
        case .archivist: return "/archive"
        }
    }
}
