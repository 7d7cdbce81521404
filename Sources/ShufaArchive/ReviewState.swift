import Foundation

/// Where a leader's report stands (seed 004 四（一）): the draft goes out, the report comes back, the
/// 主要负责人 审核 a 班子成员's report or the 党委（党组） 审定 a 主要负责人's, it is 报送 to the
/// 考核主管部门, then 归档.
public enum ReviewState: String, Sendable, CaseIterable, Codable {
    /// 下发草稿
    case draft
    /// 已交回
    case returned
    /// 审核 (a 班子成员's report, by the 主要负责人)
    case reviewed
    /// 审定 (a 主要负责人's report, by the 党委（党组）)
    case approved
    /// 报送 (to the 考核主管部门)
    case submitted
    /// 归档
    case archived

    /// The name clerks use, also accepted by `review --to`.
    public var chineseName: String {
        switch self {
        case .draft: return "下发草稿"
        case .returned: return "已交回"
        case .reviewed: return "审核"
        case .approved: return "审定"
        case .submitted: return "报送"
        case .archived: return "归档"
        }
    }

    /// How far along: 审核 and 审定 are the same step for different roles.
    public var rank: Int {
        switch self {
        case .draft: return 1
        case .returned: return 2
        case .reviewed, .approved: return 3
        case .submitted: return 4
        case .archived: return 5
        }
    }

    /// The state named `text`: its Chinese name (审核 also as 已审核, …) or its id.
    public init?(named text: String) {
        let name = text.trimmingCharacters(in: .whitespaces)
        let found = Self.allCases.first { [$0.rawValue, $0.chineseName, "已" + $0.chineseName].contains(name) }
        guard let found else { return nil }
        self = found
    }
}
