import Foundation
import ShufaKit
import Testing

@testable import ShufaServe

extension DeskTests {
    /// The clerk's pages: the roster and its bad rows, building with progress, the batch, the accounts.
    @Suite struct ClerkRouteTests {
        @Test func theRostersBadRowsAreListedWithRowColumnAndMessage() async throws {
            let desk = try await TestDesk.make()
            let expected = try RosterReader(catalog: desk.desk.catalog).read(
                Data(contentsOf: Repo.rosterWithErrors), file: "名单.json")
            #expect(expected.problems.count > 3, "the roster with errors has bad rows on purpose")
            try await desk.test { client in
                let browser = Browser(client)
                try await DeskFlow.uploadRoster(browser, Repo.rosterWithErrors)
                let page = try await browser.get("/clerk/roster")
                #expect(page.status == .ok)
                let table = DeskFlow.section(page.text, id: "problems")
                for problem in expected.problems {
                    let row =
                        "<td class=\"num\">\(problem.location.map { "\($0.row)" } ?? "")</td><td>"
                        + Pages.escape(problem.field.map(RosterMessages.fieldName) ?? "") + "</td>"
                    #expect(table.contains(row), "row \(String(describing: problem.location))")
                    #expect(table.contains(Pages.escape(problem.message)))
                }
                #expect(
                    DeskFlow.section(page.text, id: "leaders").components(separatedBy: "<tr>").count
                        == expected.leaders.count + 2)
                let home = try await browser.get("/clerk")
                #expect(home.text.contains("名单.json") && home.text.contains("青川县"))
            }
            let journal = DeskJournal(file: desk.data.appendingPathComponent("journal.jsonl")).entries()
            #expect(journal.map(\.action) == ["roster"] && journal[0].account == "clerk")
        }

        @Test func buildingShowsProgressAndListsTheBatch() async throws {
            let desk = try await TestDesk.make()
            try await desk.test { client in
                let browser = Browser(client)
                try await DeskFlow.uploadRoster(browser)
                try await browser.get("/clerk")
                let started = try await browser.post("/clerk/build", [:])
                let job = try #require(started.location)
                #expect(job.hasPrefix("/clerk/jobs/"))
                let events = try await browser.get(job + "/events")
                #expect(events.headers[.contentType]?.hasPrefix("text/event-stream") == true)
                let lines = events.text.split(separator: "\n").filter { $0.hasPrefix("data: ") }
                #expect(!lines.isEmpty)
                #expect(lines.last?.contains("\"finished\":true") == true, "the stream ends when the job is done")
                let outcome = try await DeskFlow.build(browser)  // a second build after the first is finished
                #expect(outcome.contains("已生成"))
                let batch = try await browser.get("/clerk/batch")
                #expect(batch.status == .ok)
                let journal = try String(
                    contentsOf: desk.data.appendingPathComponent("batch/journal.jsonl"), encoding: .utf8)
                let built = try journal.split(separator: "\n").compactMap {
                    try JSONDecoder().decode(Listing.self, from: Data($0.utf8)).document
                }
                #expect(built.count > 20)
                let table = DeskFlow.section(batch.text, id: "documents")
                for document in built where document.kind != "tally" {
                    #expect(table.contains("href=\"/file/\(document.sha256)\""), "\(document.path)")
                }
                #expect(batch.text.contains("draft-述职述法报告（草稿）.zip"))
                let missing = try await browser.get("/clerk/jobs/no-such-job")
                #expect(missing.status == .notFound)
            }
            let status = try ArchiveDesk(desk: desk.desk).trail(of: "QC006", year: 2025)
            #expect(status.entries.first?.actor == "shufa serve（经办账号 clerk）")
        }

        struct Listing: Decodable {
            struct Entry: Decodable {
                var kind: String
                var path: String
                var sha256: String
            }
            /// Set on the journal's lines that list a document.
            var document: Entry?
        }

        @Test func aBuildThatFailsSaysWhyAndLeavesThePreviousBatch() async throws {
            let templates = Repo.temporaryDirectory().appendingPathComponent("templates")
            try FileManager.default.copyItem(at: Repo.templates, to: templates)
            let desk = try await TestDesk.make(templates: templates)
            try await DeskFlow.built(desk)
            let previous = try #require(desk.desk.state.batch)
            let form = templates.appendingPathComponent("form.fodt")
            let text = try String(contentsOf: form, encoding: .utf8)
            try text.replacingOccurrences(of: "{{姓名}}", with: "{{没有这个字段}}")
                .write(to: form, atomically: true, encoding: .utf8)
            try await desk.test(signedInAs: "clerk") { browser in
                let outcome = try await DeskFlow.build(browser)
                let message = DeskFlow.section(outcome, id: "outcome")
                #expect(outcome.contains("class=\"error\" id=\"outcome\""))
                #expect(message.contains("无法生成") && message.contains("form.fodt"), "\(message)")
                for file in previous.files.prefix(5) {
                    #expect(try await browser.get(file.link).status == .ok, "\(file.path) is still there")
                }
            }
            #expect(desk.desk.state.batch?.at == previous.at)
            #expect(!FileManager.default.fileExists(atPath: desk.data.appendingPathComponent("batch.next").path))
        }

        @Test func aSecondBuildWhileOneRunsIsRefused() async throws {
            let desk = try await TestDesk.make()
            let first = await desk.desk.jobs.start(account: "clerk", next: "")
            #expect(first != nil)
            try await desk.test { client in
                let browser = Browser(client)
                try await DeskFlow.uploadRoster(browser)
                try await browser.get("/clerk")
                let page = try await browser.post("/clerk/build", [:])
                #expect(page.status == .conflict)
                #expect(page.text.contains(DeskMessages.text(.jobRunning)))
            }
        }

        @Test func buildingWithoutARosterOrTokenIsRefused() async throws {
            let desk = try await TestDesk.make()
            try await desk.test(signedInAs: "clerk") { browser in
                try await browser.get("/clerk")
                let noRoster = try await browser.post("/clerk/build", [:])
                #expect(
                    noRoster.status == .unprocessableContent && noRoster.text.contains(DeskMessages.text(.noRoster)))
                #expect(try await browser.get("/clerk/roster").text.contains(DeskMessages.text(.noRoster)))
                #expect(try await browser.get("/clerk/batch").text.contains(DeskMessages.text(.noBatch)))
                let forged = try await browser.post("/clerk/build", [:], token: .omitted)
                #expect(forged.status == .forbidden)
            }
        }

        @Test func aClerkMakesAccountsAndTheRulesHold() async throws {
            let desk = try await TestDesk.make()
            try await desk.test(signedInAs: "clerk") { browser in
                try await browser.get("/clerk/accounts")
                let made = try await browser.post(
                    "/clerk/accounts", ["name": "wang", "role": "leader", "leader": "QC007", "password": "longenough"])
                #expect(made.status == .ok && made.text.contains("已建立账号 wang（领导干部 QC007）"))
                let refusals: [([String: String], DeskError)] = [
                    (
                        ["name": "wang", "role": "reviewer", "leader": "", "password": "longenough"],
                        .accountExists("wang")
                    ),
                    (["name": "li", "role": "reviewer", "leader": "", "password": "short"], .passwordTooShort(8)),
                    (["name": "li", "role": "leader", "leader": "", "password": "longenough"], .leaderMissing),
                    (
                        ["name": "li", "role": "clerk", "leader": "QC001", "password": "longenough"],
                        .leaderForOtherRole(.clerk)
                    ),
                    (
                        ["name": "li li", "role": "clerk", "leader": "", "password": "longenough"],
                        .badAccountName("li li")
                    ),
                    (["name": "li", "role": "boss", "leader": "", "password": "longenough"], .unknownRole("boss")),
                ]
                for (fields, error) in refusals {
                    let page = try await browser.post("/clerk/accounts", fields)
                    #expect(page.status == error.status, "\(fields)")
                    #expect(page.text.contains(Pages.escape(DeskMessages.text(error))), "\(fields)")
                }
                let wang = Browser(browser.client)
                #expect(try await wang.signIn("wang", password: "longenough").location == "/leader")
            }
            let stored = try String(contentsOf: desk.data.appendingPathComponent("accounts.json"), encoding: .utf8)
            #expect(!stored.contains("longenough") && stored.contains("$2b$"))
            let journal = DeskJournal(file: desk.data.appendingPathComponent("journal.jsonl")).entries()
            #expect(journal.contains { $0.action == "account" && $0.detail.contains("wang") && $0.account == "clerk" })
        }
    }
}

/// HTML escaping as Mustache does it, for finding values in pages.
enum Pages {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
