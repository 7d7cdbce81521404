import Foundation
import Hummingbird
import Mustache

/// The pages (Mustache templates in the target's `Pages` folder, rendered on the server; values are
/// HTML-escaped) and the two static files: the style sheet and the few lines of script that follow a job's
/// progress (server-sent events; without script the page refreshes itself).
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let stylesheet: ByteBuffer
    let script: ByteBuffer

    init() async throws {
        guard let folder = Bundle.module.url(forResource: "Pages", withExtension: nil) else {
            throw DeskError.setup("找不到页面模板（Pages 资源）：请重新构建 shufa")
        }
        library = try await MustacheLibrary(directory: folder.path)
        stylesheet = ByteBuffer(bytes: try Data(contentsOf: folder.appendingPathComponent("desk.css")))
        script = ByteBuffer(bytes: try Data(contentsOf: folder.appendingPathComponent("progress.js")))
    }

    func render(_ model: Any, _ template: String) -> String {
        library.render(model, withTemplate: template) ?? "<!doctype html><p>页面模板 \(template) 缺失</p>"
    }
}

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

/// A page that only says something (a refusal, an error).
struct MessagePage {
    var frame: PageFrame
    var message: String
}
