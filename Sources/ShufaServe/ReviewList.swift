import Foundation
import Hummingbird
import ShufaArchive

/// Every leader and where their report stands.
struct ReviewList {
    var frame: PageFrame
    var rows: [Row]

    struct Row {
        var id: String
        var path: String
        var name: String
        var unit: String
        var role: String
        var state: String
        var verdict: String

        init(leader: LeaderEntry, state: String, latest: ReturnedReport?) {
            id = leader.id
            path = ReviewList.path(leader.id)
            name = leader.name
            unit = leader.unit
            role = leader.role
            self.state = state
            verdict = latest.map { $0.errors == 0 ? "通过（\($0.warnings) 条提醒）" : "\($0.errors) 个错误" } ?? "未交回"
        }
    }

    /// A 编号 as one path segment.
    static func path(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? id
    }
}
