import Foundation
import HTTPTypes
import Hummingbird
import Testing

@testable import ShufaServe

extension DeskTests {
    /// Signing in and out, the pages nobody may see without an account, and the refusals of the sign-in form.
    @Suite struct LoginRouteTests {
        @Test func withoutAnAccountEveryPageLeadsToSignIn() async throws {
            let desk = try await TestDesk.make()
            try await desk.test { client in
                let browser = Browser(client)
                for path in [
                    "/", "/clerk", "/clerk/roster", "/clerk/batch", "/clerk/tally", "/clerk/accounts", "/leader",
                    "/review", "/review/QC006", "/archive", "/archive/search", "/archive/export",
                    "/file/\(String(repeating: "a", count: 64))",
                ] {
                    let page = try await browser.get(path)
                    #expect(page.status == .seeOther && page.location == "/login", "\(path): \(page.status)")
                }
                let post = try await browser.post("/clerk/build", [:], token: .omitted)
                #expect(post.status == .seeOther && post.location == "/login")
            }
        }

        @Test func signInPageSetsTheFormTokenAndHeaders() async throws {
            let desk = try await TestDesk.make()
            try await desk.test { client in
                let browser = Browser(client)
                let page = try await browser.get("/login")
                #expect(page.status == .ok)
                #expect(page.text.contains("<form method=\"post\" action=\"/login\">"))
                #expect(page.text.contains("账号") && page.text.contains("密码"))
                #expect(browser.cookies[LoginRoutes.tokenCookie] == browser.token && browser.token.count == 64)
                #expect(page.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("script-src 'self'") == true)
                #expect(page.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            let style = try await browser.get("/static/desk.css")
            #expect(style.status == .ok && style.headers[.contentType]?.hasPrefix("text/css") == true)
            let script = try await browser.get("/static/progress.js")
            #expect(script.status == .ok && script.text.contains("EventSource"))
            }
        }

        @Test func eachRoleLandsOnItsOwnPage() async throws {
            let desk = try await TestDesk.make()
            try await desk.test { client in
                for (name, home) in [
                    ("clerk", "/clerk"), ("huang", "/leader"), ("reviewer", "/review"),
                    ("archivist", "/archive"),
                ] {
                    let browser = Browser(client)
                    let signedIn = try await browser.signIn(name)
                    #expect(signedIn.status == .seeOther && signedIn.location == home, "\(name)")
                    #expect(browser.cookies["shufa_session"] != nil)
                    let root = try await browser.get("/")
                    #expect(root.location == home)
                }
            }
        }

        /// The tests' browser reads a cookie's end from its attributes: a hex token containing 「1970」 (one
        /// sign-in in about a thousand) is kept, an `Expires` in the past or a `Max-Age=0` forgets it.
        @Test func theTestBrowserForgetsOnlyExpiredCookies() async throws {
            let desk = try await TestDesk.make()
            try await desk.test { client in
                let browser = Browser(client)
                browser.remember("shufa_login=ab1970cd; SameSite=Strict; Path=/login; HttpOnly")
                browser.remember("shufa_session=x+1970/y=; Expires=Thu, 26 Nov 2099 16:56:57 GMT; Path=/")
                #expect(browser.cookies == ["shufa_login": "ab1970cd", "shufa_session": "x+1970/y="])
                browser.remember("shufa_session=x+1970/y=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/")
                browser.remember("shufa_login=ab1970cd; Max-Age=0; Path=/login")
                #expect(browser.cookies.isEmpty)
            }
        }

        @Test func aWrongPasswordOrUnknownNameIsRefused() async throws {
            let desk = try await TestDesk.make()
            try await desk.test { client in
                let browser = Browser(client)
                for (name, password) in [("clerk", "wrong-password"), ("nobody", TestDesk.password)] {
                    let page = try await browser.attemptSignIn(name, password: password)
                    #expect(page.status == .unauthorized)
                    #expect(page.text.contains(DeskMessages.text(.badLogin)))
                    #expect(browser.cookies["shufa_session"] == nil)
                }
            }
        }

        @Test func aSignInWithoutTheFormTokenIsRefused() async throws {
            let desk = try await TestDesk.make()
            try await desk.test { client in
                let browser = Browser(client)
                let page = try await browser.post(
                    "/login", ["name": "clerk", "password": TestDesk.password], token: .omitted)
                #expect(page.status == .forbidden)
                #expect(page.text.contains(DeskMessages.text(.csrf)))
                let forged = try await browser.post(
                    "/login", ["name": "clerk", "password": TestDesk.password],
                    token: .given(String(repeating: "0", count: 64)))
                #expect(forged.status == .forbidden && browser.cookies["shufa_session"] == nil)
            }
        }

        @Test func repeatedWrongPasswordsLockTheNameForAWhile() async throws {
            let desk = try await TestDesk.make()
            try await desk.test { client in
                let browser = Browser(client)
                for _ in 0..<5 { try await browser.attemptSignIn("clerk", password: "wrong-password") }
                let locked = try await browser.attemptSignIn("clerk")
                #expect(locked.status == .tooManyRequests)
                #expect(locked.text.contains("密码错误次数过多"))
                let other = try await browser.signIn("reviewer")
                #expect(other.status == .seeOther, "another name is not locked")
            }
        }

        @Test func signingOutEndsTheSessionAndNeedsTheToken() async throws {
            let desk = try await TestDesk.make()
            try await desk.test(signedInAs: "clerk") { browser in
                try await browser.get("/clerk")
                let forged = try await browser.post("/logout", [:], token: .given("x"))
                #expect(forged.status == .forbidden)
                #expect(try await browser.get("/clerk").status == .ok)
                let out = try await browser.post("/logout", [:])
                #expect(out.status == .seeOther && out.location == "/login")
                #expect(try await browser.get("/clerk").location == "/login")
            }
        }

        /// Signing in again in the same browser (another person at the same computer) ends the session it had:
        /// its id no longer opens anything, whoever kept it.
        @Test func signingInAgainEndsTheSessionTheBrowserHad() async throws {
            let desk = try await TestDesk.make()
            try await desk.test(signedInAs: "clerk") { browser in
                let kept = try #require(browser.cookies["shufa_session"])
                try await browser.signIn("huang")
                #expect(try await browser.get("/leader").status == .ok)
                #expect(browser.cookies["shufa_session"] != kept, "a new id")
                var headers = HTTPFields()
                headers[.cookie] = "shufa_session=\(kept)"
                let old = try await Browser(browser.client).send("/clerk", method: .get, headers: headers, body: nil)
                #expect(old.status == .seeOther && old.location == "/login", "the clerk's session has ended")
            }
        }

        @Test func anUnknownPageIsAChineseNotFound() async throws {
            let desk = try await TestDesk.make()
            try await desk.test(signedInAs: "clerk") { browser in
                let page = try await browser.get("/no/such/page")
                #expect(page.status == .notFound)
                #expect(page.text.contains(DeskMessages.text(.notFound)))
                #expect(page.text.contains("<html lang=\"zh-CN\">"))
                let wrongMethod = try await browser.get("/clerk/build")
                #expect(wrongMethod.status == .notFound || wrongMethod.status == .methodNotAllowed)
                let message = DeskFlow.section(wrongMethod.text, id: "message")
                #expect(message.contains(DeskMessages.text(.notFound)) || message.contains("无法办理该请求"), "\(message)")
            }
        }

        @Test func eachRoleIsRefusedTheOthersPages() async throws {
            let desk = try await TestDesk.make()
            try await desk.test { client in
                let pages: [(String, AccountRole)] = [
                    ("/clerk", .clerk), ("/clerk/accounts", .clerk), ("/clerk/tally", .clerk), ("/leader", .leader),
                    ("/review", .reviewer), ("/archive", .archivist), ("/archive/search", .archivist),
                    ("/archive/export", .archivist),
                ]
                for (name, role) in [
                    ("clerk", AccountRole.clerk), ("huang", .leader), ("reviewer", .reviewer),
                    ("archivist", .archivist),
                ] {
                    let browser = Browser(client)
                    try await browser.signIn(name)
                    for (path, owner) in pages where owner != role {
                        let page = try await browser.get(path)
                        #expect(page.status == .forbidden, "\(name) \(path): \(page.status)")
                        #expect(page.text.contains(DeskMessages.text(.forbidden(role))))
                    }
                }
            }
        }
    }
}
