import Foundation
import Hummingbird
import Mustache

/// What every page shows around its content: the title, the account and its role, the navigation, the
/// sign-out form (with the session's token) and a notice or error.
struct PageFrame {
    var title: String
    var signedIn: Bool
    var account: String
    var role: String
    var nav: [NavLink]
    var csrf: String

    struct NavLink {
        var href: String
        var label: String
        var current: Bool
    }

    init(title: String, signed: Signed?, current: String) {
        self.title = title
        signedIn = signed != nil
        account = signed?.account.name ?? ""
        role = signed.map { $0.account.role.chineseName + ($0.account.leader.map { " \($0)" } ?? "") } ?? ""
        csrf = signed?.session.csrf ?? ""
        nav = (signed.map { Self.links($0.account.role) } ?? []).map {
            NavLink(href: $0.0, label: $0.1, current: $0.0 == current)
        }
    }

    private static func links(_ role: AccountRole) -> [(String, String)] {
        switch role {
        case .clerk:
            return [
                ("/clerk", "工作台"), ("/clerk/roster", "名单"), ("/clerk/batch", "文书"), ("/clerk/tally", "测评统计"),
                ("/clerk/accounts", "账号"),
            ]
        case .leader: return [("/leader", "我的述职述法报告")]
        case .reviewer: return [("/review", "审核审定")]
        case .archivist: return [("/archive", "进度"), ("/archive/search", "查找"), ("/archive/export", "导出")]
        }
    }
}
