import Foundation
import Hummingbird
import ShufaArchive
import ShufaKit

/// The 考核主管部门's pages: progress per unit (as `shufa status`), 报送 and 归档 steps, search (as `shufa
/// archive find`), a leader's trail, the export of a year (as `shufa archive export`) and the archived files.
struct ArchiveRoutes {
    let desk: Desk

    func register(on router: Router<DeskContext>) {
        let archivist: Set<AccountRole> = [.archivist]
        router.get("/archive") { request, context in
            let signed = try Signed.require(context, desk: desk, roles: archivist)
            let done = request.uri.queryParameters.get("done") == "1"
            return try status(signed, notice: done ? "已记录" : nil, refusal: nil)
        }
        router.post("/archive/step") { request, context in
            let signed = try Signed.require(context, desk: desk, roles: archivist)
            let fields = try await FormFields.read(request, desk: desk)
            try signed.checkToken(fields)
            do {
                try await ArchiveDesk(desk: desk).record(
                    fields, leader: fields["leader"] ?? "", allowed: [.submitted, .archived], by: signed)
            } catch let error as DeskError {
                guard case .archive = error else { throw error }
                return try status(signed, notice: nil, refusal: DeskMessages.text(error), code: .unprocessableContent)
            }
            return Reply.redirect("/archive?done=1")
        }
        router.get("/archive/search") { request, context in
            let signed = try Signed.require(context, desk: desk, roles: archivist)
            let page = try SearchPage(desk: desk, signed: signed, parameters: request.uri.queryParameters)
            return Reply.page(desk.pages.render(page, "search"))
        }
        router.get("/archive/leader/:leader") { _, context in
            let signed = try Signed.require(context, desk: desk, roles: archivist)
            let trail = try ArchiveDesk(desk: desk).trail(of: context.leaderParameter, year: nil)
            let page = TrailPage(
                frame: PageFrame(title: "流转记录", signed: signed, current: ""), trail: [TrailView(trail)])
            return Reply.page(desk.pages.render(page, "trail-page"))
        }
        router.get("/archive/export") { _, context in
            let signed = try Signed.require(context, desk: desk, roles: archivist)
            let page = ExportPage(
                frame: PageFrame(title: "导出档案移交包", signed: signed, current: "/archive/export"),
                year: desk.state.roster.map { "\($0.year)" } ?? "")
            return Reply.page(desk.pages.render(page, "export"))
        }
        router.post("/archive/export") { request, context in
            let signed = try Signed.require(context, desk: desk, roles: archivist)
            let fields = try await FormFields.read(request, desk: desk)
            try signed.checkToken(fields)
            return try await export(fields["year"] ?? "", signed: signed)
        }
        router.get("/archive/file/:sha") { request, context in
            _ = try Signed.require(context, desk: desk, roles: archivist)
            let sha = context.parameters.get("sha") ?? ""
            guard ArchiveLocation.isDigest(sha) else { throw DeskError.notFound }
            let data: Data
            do { data = try RegularFile.read(desk.archive.location.file(sha), limit: 1 << 30) } catch {
                throw DeskError.notFound
            }
            guard ContentDigest.hex(data) == sha else { throw DeskError.notFound }
            let name = StoredUpload.displayName(request.uri.queryParameters.get("name") ?? sha)
            return Reply.download(data, name: name, format: (name as NSString).pathExtension.lowercased())
        }
    }

    private func status(
        _ signed: Signed, notice: String?, refusal: String?, code: HTTPResponse.Status = .ok
    ) throws -> Response {
        let report: StatusReport?
        do { report = try ArchiveStatus(archive: desk.archive).report(year: desk.state.roster?.year) } catch {
            guard case .nothingArchived = error else { throw DeskError.archive(error) }
            report = nil
        }
        let page = StatusPage(
            frame: PageFrame(title: "述职述法进度", signed: signed, current: "/archive"), report: report,
            leaders: desk.state.roster?.leaders ?? [], notice: notice, refusal: refusal)
        return Reply.page(desk.pages.render(page, "status"), status: code)
    }

    private func export(_ text: String, signed: Signed) async throws -> Response {
        guard let year = Int(text.trimmingCharacters(in: .whitespaces)), (1900...9999).contains(year) else {
            throw DeskError.badYear(text)
        }
        let scratch = try desk.folder.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("\(year).zip")
        let archive = desk.archive
        let report = try await Blocking.run { () throws -> ExportReport in
            do throws(ArchiveError) {
                return try ArchiveExporter(archive: archive).export(year: year, to: output)
            } catch {
                throw DeskError.archive(error)
            }
        }
        let data = try Data(contentsOf: output)
        desk.journal.record(
            account: signed.account.name, action: "export",
            detail: "导出\(year)年度档案移交包：\(report.documents) 份文书", sha256: ContentDigest.hex(data))
        return Reply.download(data, name: "\(year)年度述法档案.zip", format: "zip")
    }
}
