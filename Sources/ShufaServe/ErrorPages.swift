import HTTPTypes
import Hummingbird

/// Turns what the desk refuses into a page in Chinese with the right status: to the sign-in page when no
/// one is signed in, a message page otherwise (also for pages that do not exist).
struct ErrorPages: RouterMiddleware {
    typealias Context = DeskContext
    let desk: Desk

    func handle(
        _ request: Request, context: DeskContext, next: (Request, DeskContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as DeskError {
            if case .notSignedIn = error { return Reply.redirect("/login") }
            return page(DeskMessages.text(error), status: error.status, context: context)
        } catch let error as HTTPError {
            let message = error.status == .notFound
                ? DeskMessages.text(.notFound) : DeskMessages.httpRefusal(error.status.code)
            return page(message, status: error.status, context: context)
        } catch {
            context.logger.error("desk: \(error)")
            return page(DeskMessages.internalError("\(error)"), status: .internalServerError, context: context)
        }
    }

    private func page(_ message: String, status: HTTPResponse.Status, context: DeskContext) -> Response {
        let signed = try? Signed.require(context, desk: desk, roles: Set(AccountRole.allCases))
        let frame = PageFrame(title: "无法办理", signed: signed, current: "")
        return Reply.page(desk.pages.render(MessagePage(frame: frame, message: message), "message"), status: status)
    }
}
