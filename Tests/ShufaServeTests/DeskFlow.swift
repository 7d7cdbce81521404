import Foundation
import Testing

@testable import ShufaServe

/// Steps of the year through the routes, shared by the tests.
enum DeskFlow {
    static func rosterData() throws -> Data { try Data(contentsOf: Repo.roster) }

    /// Signs the clerk in and uploads the sample roster (or `roster`).
    static func uploadRoster(_ browser: Browser, _ roster: URL = Repo.roster) async throws {
        try await browser.signIn("clerk")
        try await browser.get("/clerk")
        let page = try await browser.upload("/clerk/roster", files: [("名单.json", try Data(contentsOf: roster))])
        #expect(
            page.status == .seeOther && page.location == "/clerk/roster",
            "\(page.status) \(page.location ?? "") \(page.text)")
    }

    /// Builds the batch and waits for the job; returns the job page's text.
    @discardableResult
    static func build(_ browser: Browser, timeout: Double = 600) async throws -> String {
        try await browser.get("/clerk")
        let started = try await browser.post("/clerk/build", [:])
        #expect(started.status == .seeOther)
        let job = try #require(started.location)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let page = try await browser.get(job)
            if page.text.contains("id=\"outcome\"") { return page.text }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("the build did not finish within \(timeout) s")
        return ""
    }

    /// A desk with the sample roster uploaded and built (no PDFs), signed out.
    static func built(_ desk: TestDesk) async throws {
        try await desk.test { client in
            let browser = Browser(client)
            try await uploadRoster(browser)
            let outcome = try await build(browser)
            #expect(outcome.contains("已生成"), "\(outcome)")
        }
    }

    static func fixture(_ path: String) throws -> Data {
        try Data(contentsOf: Repo.fixtures.appendingPathComponent(path))
    }

    /// The text between `id="NAME"` and the end of its element's block (for checking one part of a page).
    static func section(_ html: String, id: String) -> String {
        guard let start = html.range(of: "id=\"\(id)\"") else { return "" }
        let rest = html[start.upperBound...]
        let end = rest.range(of: "</table>") ?? rest.range(of: "</div>") ?? rest.range(of: "</p>")
        return String(rest[..<(end?.lowerBound ?? rest.endIndex)])
    }
}
