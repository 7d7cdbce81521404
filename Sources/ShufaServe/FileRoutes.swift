import Foundation
import Hummingbird
import ShufaArchive
import ShufaKit

/// Downloads by content: `/file/<sha256>`. The desk finds the file among those it made or received, sends
/// it only to an account allowed to see it (a leader: their own documents only; anything else is "not
/// found", so a leader cannot even learn that another's file exists), and only when its bytes still have
/// that SHA-256.
struct FileRoutes {
    let desk: Desk

    func register(on router: Router<DeskContext>) {
        router.get("/file/:sha") { _, context in
            let signed = try Signed.require(context, desk: desk, roles: Set(AccountRole.allCases))
            let sha = context.parameters.get("sha") ?? ""
            guard ArchiveLocation.isDigest(sha),
                let file = desk.state.files(sha).first(where: { $0.visible(to: signed.account) })
            else { throw DeskError.notFound }
            let data: Data
            do { data = try RegularFile.read(desk.folder.root.appendingPathComponent(file.path), limit: 1 << 30) } catch
            {
                throw DeskError.notFound
            }
            guard ContentDigest.hex(data) == sha else { throw DeskError.notFound }
            return Reply.download(data, name: file.name, format: file.format)
        }
        router.get("/static/desk.css") { _, _ in
            Self.asset(desk.pages.stylesheet, type: "text/css; charset=utf-8")
        }
        router.get("/static/progress.js") { _, _ in
            Self.asset(desk.pages.script, type: "text/javascript; charset=utf-8")
        }
    }

    private static func asset(_ bytes: ByteBuffer, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: bytes))
    }
}
