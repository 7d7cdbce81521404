import Foundation
import Hummingbird
import ShufaKit

/// The clerk's pages: the roster and its bad rows, building the batch (with live progress), the batch's
/// files, the tally, the accounts.
struct ClerkRoutes {
    let desk: Desk

    func register(on router: Router<DeskContext>) {
        let clerk: Set<AccountRole> = [.clerk]
        router.get("/clerk") { _, context in
            let signed = try Signed.require(context, desk: desk, roles: clerk)
            let page = ClerkHome(desk: desk, signed: signed, job: await desk.jobs.current())
            return Reply.page(desk.pages.render(page, "clerk"))
        }
        router.post("/clerk/roster") { request, context in
            let signed = try Signed.require(context, desk: desk, roles: clerk)
            let upload = try await receive(request, signed: signed, purpose: .roster)
            _ = try await desk.accepting(upload) {
                try await RosterIntake(desk: desk).receive(upload, account: signed.account)
            }
            return Reply.redirect("/clerk/roster")
        }
        router.get("/clerk/roster") { _, context in
            let signed = try Signed.require(context, desk: desk, roles: clerk)
            guard let roster = desk.state.roster else { throw DeskError.noRoster }
            let page = RosterPage(
                frame: PageFrame(title: "名单", signed: signed, current: "/clerk/roster"), roster: roster)
            return Reply.page(desk.pages.render(page, "roster"))
        }
        router.post("/clerk/build") { request, context in try await startBuild(request, context) }
        router.get("/clerk/jobs/:id") { _, context in
            let signed = try Signed.require(context, desk: desk, roles: clerk)
            guard let status = await desk.jobs.status(context.parameters.get("id") ?? "") else {
                throw DeskError.notFound
            }
            let page = JobPage(frame: PageFrame(title: "生成文书", signed: signed, current: ""), status: status)
            return Reply.page(desk.pages.render(page, "job"))
        }
        router.get("/clerk/jobs/:id/events") { _, context in
            _ = try Signed.require(context, desk: desk, roles: clerk)
            let id = context.parameters.get("id") ?? ""
            guard await desk.jobs.status(id) != nil else { throw DeskError.notFound }
            return JobEvents.response(id, jobs: desk.jobs)
        }
        router.get("/clerk/batch") { _, context in
            let signed = try Signed.require(context, desk: desk, roles: clerk)
            guard let batch = desk.state.batch else { throw DeskError.noBatch }
            let page = BatchPage(signed: signed, batch: batch, roster: desk.state.roster)
            return Reply.page(desk.pages.render(page, "batch"))
        }
        router.post("/clerk/tally") { request, context in
            let signed = try Signed.require(context, desk: desk, roles: clerk)
            let upload = try await receive(request, signed: signed, purpose: .tally)
            _ = try await desk.accepting(upload) {
                try await TallyIntake(desk: desk).receive(upload, account: signed.account, roster: desk.state.roster)
            }
            return Reply.redirect("/clerk/tally")
        }
        router.get("/clerk/tally") { _, context in
            let signed = try Signed.require(context, desk: desk, roles: clerk)
            let page = TallyPage(signed: signed, tally: desk.state.tally, batch: desk.state.batch)
            return Reply.page(desk.pages.render(page, "tally"))
        }
        AccountRoutes(desk: desk).register(on: router)
    }

    /// The one file of an upload form, after the form's token is checked.
    private func receive(_ request: Request, signed: Signed, purpose: FileType.Purpose) async throws -> StoredUpload {
        let upload = try await UploadReceiver(folder: desk.folder, limits: desk.configuration.limits)
            .receive(request, purpose: purpose, token: signed.session.csrf)
        return try upload.file()
    }

    private func startBuild(_ request: Request, _ context: DeskContext) async throws -> Response {
        let signed = try Signed.require(context, desk: desk, roles: [.clerk])
        try signed.checkToken(try await FormFields.read(request, desk: desk))
        guard let roster = desk.state.roster else { throw DeskError.noRoster }
        guard let id = await desk.jobs.start(account: signed.account.name, next: "") else { throw DeskError.jobRunning }
        let job = BatchJob(desk: desk, account: signed.account, roster: roster, id: id)
        Task.detached { await job.run() }
        return Reply.redirect("/clerk/jobs/\(id)")
    }
}
