import Foundation
import Hummingbird
import HummingbirdAuth

/// Signing in and out. The sign-in form carries a token that must match a cookie set with the form
/// (double submit), so no other site can sign a browser in; a session gets a new id and its own token, and
/// the session the browser had before ends.
struct LoginRoutes {
    let desk: Desk
    /// The sessions, to end the one a browser had when it signs in again.
    let sessions: SessionStorage<DeskSession>
    let throttle = LoginThrottle()

    /// The cookie holding the sign-in form's token.
    static let tokenCookie = "shufa_login"

    func register(on router: Router<DeskContext>) {
        router.get("/") { _, context in
            guard let signed = try? Signed.require(context, desk: desk, roles: Set(AccountRole.allCases)) else {
                return Reply.redirect("/login")
            }
            return Reply.redirect(signed.account.role.home)
        }
        router.get("/login") { _, _ in form(name: "", error: nil, status: .ok) }
        router.post("/login") { request, context in try await signIn(request, context) }
        router.post("/logout") { request, context in
            let signed = try Signed.require(context, desk: desk, roles: Set(AccountRole.allCases))
            try signed.checkToken(try await FormFields.read(request, desk: desk))
            context.sessions.clearSession()
            return Reply.redirect("/login")
        }
    }

    private func signIn(_ request: Request, _ context: DeskContext) async throws -> Response {
        let fields = try await FormFields.read(request, desk: desk)
        let name = (fields["name"] ?? "").trimmingCharacters(in: .whitespaces)
        guard DeskSession.matches(fields["csrf"], request.cookies[Self.tokenCookie]?.value ?? "") else {
            return form(name: name, error: DeskMessages.text(.csrf), status: .forbidden)
        }
        if let seconds = await throttle.wait(name) {
            return form(name: name, error: DeskMessages.tooManyAttempts(seconds: seconds), status: .tooManyRequests)
        }
        let password = fields["password"] ?? ""
        let accounts = desk.accounts
        guard let account = try await Blocking.run({ try accounts.authenticate(name: name, password: password) })
        else {
            await throttle.failed(name)
            return form(name: name, error: DeskMessages.text(.badLogin), status: .unauthorized)
        }
        await throttle.succeeded(name)
        _ = try? await sessions.delete(request: request)
        context.sessions.createSession(DeskSession(account: account.name))
        return Reply.redirect(account.role.home)
    }

    /// The sign-in page with a new token, and the cookie that holds it.
    private func form(name: String, error: String?, status: HTTPResponse.Status) -> Response {
        let token = DeskSession.token()
        let page = LoginPage(
            frame: PageFrame(title: "登录", signed: nil, current: ""), token: token, name: name,
            error: error ?? "", hasError: error != nil)
        var response = Reply.page(desk.pages.render(page, "login"), status: status)
        let cookie = Cookie(name: Self.tokenCookie, value: token, path: "/login", httpOnly: true, sameSite: .strict)
        response.setCookie(cookie)
        return response
    }
}
