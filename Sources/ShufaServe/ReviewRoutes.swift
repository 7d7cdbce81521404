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
            return try page(signed, id: context.leaderParameter, notice: notice, refusal: nil)
        }
        router.post("/review/:leader") { request, context in
            let signed = try Signed.require(context, desk: desk, roles: [.reviewer])
            let fields = try await FormFields.read(request, desk: desk)
            try signed.checkToken(fields)
            let id = context.leaderParameter
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
