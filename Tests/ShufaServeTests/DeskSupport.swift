import Foundation
import Hummingbird
import HummingbirdAuth
import HummingbirdTesting
import ShufaKit
import Testing

@testable import ShufaServe

/// Paths of the repository the tests read from.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let templates = root.appendingPathComponent("templates")
    static let roster = root.appendingPathComponent("samples/roster.json")
    /// The sample roster's records with mistakes, one of each kind a clerk makes.
    static let rosterWithErrors = root.appendingPathComponent("samples/roster-with-errors.json")
    static let schemas = root.deletingLastPathComponent().appendingPathComponent("shared/schemas/odf1.3")
    static let fonts = root.appendingPathComponent("fonts/fonts.conf")
    /// The fixtures of the library's tests: returned reports, hostile rosters, the tally filler.
    static let fixtures = root.appendingPathComponent("Tests/ShufaKitTests/Fixtures")

    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "shufa-serve-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A desk in a new data folder, with one account per role (password `password1`): `clerk`, `reviewer`,
/// `archivist`, and leaders `huang` (QC006, 黄志刚) and `zhou` (QC001).
struct TestDesk {
    let desk: Desk
    let data: URL

    static let password = "password1"

    static func make(
        printing: Bool = false, limits: UploadLimits = UploadLimits(), templates: URL = Repo.templates
    ) async throws -> TestDesk {
        let data = Repo.temporaryDirectory()
        let configuration = DeskConfiguration(
            data: data, templates: templates, schemas: Repo.schemas, fontConfig: Repo.fonts, limits: limits,
            bcryptCost: 4, printing: printing)
        let desk = try await Desk(configuration)
        for (name, role, leader) in [
            ("clerk", AccountRole.clerk, nil), ("reviewer", .reviewer, nil), ("archivist", .archivist, nil),
            ("huang", .leader, "QC006"), ("zhou", .leader, "QC001"),
        ] as [(String, AccountRole, String?)] {
            try desk.accounts.add(name: name, role: role, leader: leader, password: password, by: "tests")
        }
        return TestDesk(desk: desk, data: data)
    }

    /// Runs `body` with a client of the desk's router (no socket).
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let router = DeskServer(desk: desk).router(sessions: MemoryPersistDriver())
        try await Application(router: router).test(.router, body)
    }

    /// Runs `body` with a browser of the desk signed in as `account`.
    func test(signedInAs account: String, _ body: @escaping @Sendable (Browser) async throws -> Void) async throws {
        try await test { client in
            let browser = Browser(client)
            try await browser.signIn(account)
            try await body(browser)
        }
    }
}

/// A browser over a test client: keeps cookies, reads the form token from pages, submits forms and files.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]
    /// The last page's form token.
    private(set) var token = ""

    init(_ client: any TestClientProtocol) { self.client = client }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var location: String? { headers[.location] }
    }

    @discardableResult
    func get(_ uri: String) async throws -> Page {
        try await send(uri, method: .get, headers: [:], body: nil)
    }

    /// The form token a submission carries: the last page's, none, or a given one.
    enum Token {
        case page, omitted
        case given(String)
    }

    private func adding(_ token: Token, to fields: [String: String]) -> [String: String] {
        var fields = fields
        switch token {
        case .page: fields["csrf"] = self.token
        case .omitted: break
        case .given(let value): fields["csrf"] = value
        }
        return fields
    }

    /// Submits a form with `token`.
    @discardableResult
    func post(_ uri: String, _ fields: [String: String], token: Token = .page) async throws -> Page {
        let fields = adding(token, to: fields)
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await send(uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Uploads files (name, bytes) with `token`.
    @discardableResult
    func upload(
        _ uri: String, files: [(name: String, data: Data)], fields: [String: String] = [:], token: Token = .page
    ) async throws -> Page {
        let fields = adding(token, to: fields)
        let boundary = "----shufa\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\n".utf8)
            body += Data("Content-Type: application/octet-stream\r\n\r\n".utf8) + file.data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await send(uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    /// Signs in (the sign-in page first, for its token), expecting to be let in.
    @discardableResult
    func signIn(_ name: String, password: String = TestDesk.password) async throws -> Page {
        let page = try await attemptSignIn(name, password: password)
        #expect(
            page.status == .seeOther && cookies["shufa_session"] != nil,
            "sign-in of \(name): \(page.status) \(page.headers) \(page.text.prefix(400))")
        return page
    }

    /// Tries to sign in, whatever the answer.
    @discardableResult
    func attemptSignIn(_ name: String, password: String = TestDesk.password) async throws -> Page {
        try await get("/login")
        return try await post("/login", ["name": name, "password": password])
    }

    func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> Page {
        var headers = headers
        if !cookies.isEmpty {
            headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
                separator: "; ")
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for line in response.headers[values: .setCookie] { remember(line) }
        let page = Page(status: response.status, headers: response.headers, body: Data(buffer: response.body))
        if let found = Self.token(in: page.text) { token = found }
        return page
    }

    /// Keeps a `Set-Cookie`, or forgets it when its `Max-Age` is not positive or its `Expires` has passed (read
    /// from the attributes: a value may contain anything, e.g. a hex token with 「1970」 in it).
    func remember(_ line: String) {
        let parts = line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let pair = parts.first, let equals = pair.firstIndex(of: "=") else { return }
        let name = String(pair[..<equals])
        let attributes = Dictionary(
            parts.dropFirst().map { part -> (String, String) in
                let split = part.split(separator: "=", maxSplits: 1).map(String.init)
                return (split[0].lowercased(), split.count > 1 ? split[1] : "")
            }, uniquingKeysWith: { first, _ in first })
        let maxAge = attributes["max-age"].flatMap { Int($0) }
        let expires = attributes["expires"].flatMap { Self.httpDate().date(from: $0) }
        let expired = maxAge.map { $0 <= 0 } ?? expires.map { $0 <= Date() } ?? false
        cookies[name] = expired ? nil : String(pair[pair.index(after: equals)...])
    }

    private static func httpDate() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter
    }

    static func token(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix(while: { $0 != "\"" }))
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    /// The `href`s of links whose text or title contains `text`.
    static func links(in html: String, containing text: String) -> [String] {
        html.components(separatedBy: "<a href=\"").dropFirst().compactMap { part in
            guard let end = part.firstIndex(of: "\"") else { return nil }
            let rest = part[end...].prefix(while: { $0 != "<" })
            return rest.contains(text) ? String(part[..<end]) : nil
        }
    }
}
