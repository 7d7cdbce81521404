import Hummingbird
import ShufaKit

/// A leader's page: their own draft to download, the returned report's findings beside its outline, the
/// final report made from it. Nothing of any other leader.
struct LeaderRoutes {
    let desk: Desk

    func register(on router: Router<DeskContext>) {
        router.get("/leader") { _, context in
            let signed = try Signed.require(context, desk: desk, roles: [.leader])
            return Reply.page(desk.pages.render(LeaderPage(desk: desk, signed: signed), "leader"))
        }
        router.post("/leader/upload") { request, context in
            let signed = try Signed.require(context, desk: desk, roles: [.leader])
            let upload = try await UploadReceiver(folder: desk.folder, limits: desk.configuration.limits)
                .receive(request, purpose: .report, token: signed.session.csrf)
            guard let roster = desk.state.roster else { throw DeskError.noBatch }
            let file = try upload.file()
            _ = try await desk.accepting(file) {
                try await ReturnedIntake(desk: desk).receive(file, account: signed.account, roster: roster)
            }
            return Reply.redirect("/leader")
        }
    }
}
