import Foundation
import Hummingbird
import ShufaArchive

/// The reviewer's pages: every leader with where their report stands, and per leader the returned
/// report's findings beside its outline, the trail, and the form that records 审核 or 审定 (as `shufa
/// review`, the trail naming the account).
struct ReviewRoutes {
    let desk: Desk

    func register(on router: Router<DeskContext>) {
        router.get("/review") { _, context in
            let signed = try Signed.require(context, desk: desk, roles: [.reviewer])
            guard let roster = desk.state.roster else { throw DeskError.noRoster }
            let rows = roster.leaders.map { leader in
                ReviewList.Row(
                    leader: leader, state: ArchiveDesk(desk: desk).state(of: leader.id, year: roster.year),
                    latest: desk.state.leader(leader.id)?.returns.last)
            }
            let page = ReviewList(frame: PageFrame(title: "审核审定", signed: signed, current: "/review"), rows: rows)
            return Reply.page(desk.pages.render(page, "review-list"))
        }
        router.get("/review/:leader") { request, context in
            let signed = try Signed.require(context, desk: desk, roles: [.reviewer])
            let notice = request.uri.queryParameters.get("done") == "1" ? "已记录" : nil
            return try page(signed, id: context.parameters.get("leader") ?? "", notice: notice, refusal: nil)
        }
        router.post("/review/:leader") { request, context in
            let signed = try Signed.require(context, desk: desk, roles: [.reviewer])
            let fields = try await FormFields.read(request, desk: desk)
            try signed.checkToken(fields)
            let id = context.parameters.get("leader") ?? ""
            do {
                try await ArchiveDesk(desk: desk).record(
                    fields, leader: id, allowed: [.reviewed, .approved], by: signed)
            } catch let error as DeskError {
                guard case .archive = error else { throw error }
                return try page(
                    signed, id: id, notice: nil, refusal: DeskMessages.text(error), status: .unprocessableContent)
            }
            return Reply.redirect("/review/\(ReviewList.path(id))?done=1")
        }
    }

    private func page(
        _ signed: Signed, id: String, notice: String?, refusal: String?, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        guard let roster = desk.state.roster, let leader = roster.leader(id) else { throw DeskError.unknownLeader(id) }
        let trail = try? ArchiveDesk(desk: desk).trail(of: id, year: roster.year)
        let page = ReviewPage(
            frame: PageFrame(title: "\(leader.name)的述职述法报告", signed: signed, current: "/review"), leader: leader,
            latest: desk.state.leader(id)?.returns.last, trail: trail, notice: notice, refusal: refusal)
        return Reply.page(desk.pages.render(page, "review"), status: status)
    }
}

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

/// One leader's report for review.
struct ReviewPage {
    var frame: PageFrame
    var leader: LeaderEntry
    var path: String
    var hasReturn: Bool
    var latest: [ReturnView]
    var trail: [TrailView]
    var steps: [Step]
    var notice: String
    var hasNotice: Bool
    var refusal: String
    var hasRefusal: Bool

    struct Step {
        var value: String
        var label: String
        var selected: Bool
    }

    init(
        frame: PageFrame, leader: LeaderEntry, latest: ReturnedReport?, trail: LeaderTrail?, notice: String?,
        refusal: String?
    ) {
        self.frame = frame
        self.leader = leader
        path = ReviewList.path(leader.id)
        hasReturn = latest != nil
        self.latest = latest.map { [ReturnView($0)] } ?? []
        self.trail = trail.map { [TrailView($0)] } ?? []
        let member = trail?.leader.isTeamMember ?? leader.role.contains("班子")
        steps = [ReviewState.reviewed, .approved].map {
            Step(value: $0.rawValue, label: $0.chineseName, selected: ($0 == .reviewed) == member)
        }
        self.notice = notice ?? ""
        hasNotice = notice != nil
        self.refusal = refusal ?? ""
        hasRefusal = refusal != nil
    }
}
