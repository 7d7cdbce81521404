import Hummingbird
import ShufaKit

/// What a leader sees.
struct LeaderPage {
    var frame: PageFrame
    var known: Bool
    var leader: LeaderEntry
    var hasDraft: Bool
    var draft: [FileLink]
    var others: [FileLink]
    var accept: String
    var hasReturn: Bool
    var latest: [ReturnView]
    var earlier: [Earlier]

    struct Earlier {
        var name: String
        var at: String
        var errors: Int
        var warnings: Int
    }

    init(desk: Desk, signed: Signed) {
        frame = PageFrame(title: "我的述职述法报告", signed: signed, current: "/leader")
        let id = signed.account.leader ?? ""
        let entry = desk.state.roster?.leader(id)
        known = entry != nil
        leader = entry ?? LeaderEntry(id: id, name: "", unit: "", position: "", role: "")
        let own = (desk.state.batch?.files ?? []).filter { $0.visible(to: signed.account) }
        draft = own.filter { $0.kind == DocumentKind.draft.rawValue }.map(FileLink.init)
        hasDraft = !draft.isEmpty
        others = own.filter { $0.kind != DocumentKind.draft.rawValue }.map(FileLink.init)
        accept = FileType.Purpose.report.acceptAttribute
        let returns = desk.state.leader(id)?.returns ?? []
        hasReturn = !returns.isEmpty
        latest = returns.last.map { [ReturnView($0)] } ?? []
        earlier = returns.dropLast().reversed().map {
            Earlier(name: $0.file.name, at: DeskClock.shown($0.at), errors: $0.errors, warnings: $0.warnings)
        }
    }
}
