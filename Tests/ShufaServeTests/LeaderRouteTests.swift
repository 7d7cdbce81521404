import Foundation
import ShufaKit
import Testing

@testable import ShufaServe

extension DeskTests {
    /// A leader's page: their own documents only, a returned report's findings beside its outline, the final
    /// report made from a report that passes.
    @Suite struct LeaderRouteTests {
        @Test func aLeaderGetsTheirOwnDocumentsAndNoOneElses() async throws {
            let desk = try await TestDesk.make()
            try await DeskFlow.built(desk)
            let files = try #require(desk.desk.state.batch?.files)
            try await desk.test { client in
                let huang = Browser(client)
                try await huang.signIn("huang")
                let page = try await huang.get("/leader")
                #expect(page.status == .ok && page.text.contains("QC006 黄志刚"))
                let draft = try #require(files.first { $0.leader == "QC006" && $0.kind == "draft" })
                #expect(DeskFlow.section(page.text, id: "draft").contains(draft.link))
                var allowed = 0
                for file in files {
                    let response = try await huang.get(file.link)
                    let own = file.leader == "QC006" && !["ballot", "combined", "zip", "tally"].contains(file.kind)
                    if own {
                        allowed += 1
                        #expect(response.status == .ok, "\(file.path)")
                        #expect(ContentDigest.hex(response.body) == file.sha256)
                        #expect(response.headers[.contentDisposition]?.contains("filename*=UTF-8''") == true)
                    } else {
                        #expect(response.status == .notFound, "huang got \(file.path)")
                        #expect(!page.text.contains(file.link), "huang's page links \(file.path)")
                    }
                }
                #expect(allowed >= 3, "draft, report, form, task list")
                let zhou = Browser(client)
                try await zhou.signIn("zhou")
                let theirs = try #require(files.first { $0.leader == "QC001" && $0.kind == "draft" })
                #expect(try await zhou.get(theirs.link).status == .ok)
                #expect(try await huang.get(theirs.link).status == .notFound)
                #expect(try await huang.get("/file/not-a-digest").status == .notFound)
            }
        }

        @Test func aReturnedDraftShowsItsFindingsBesideTheOutline() async throws {
            let desk = try await TestDesk.make()
            try await DeskFlow.built(desk)
            let scratch = Repo.temporaryDirectory()
            let short = try DeskFlow.fixture("returned/short.odt")
            try short.write(to: scratch.appendingPathComponent("short.odt"))
            try await desk.test(signedInAs: "huang") { browser in
                try await browser.get("/leader")
                let upload = try await browser.upload("/leader/upload", files: [("short.odt", short)])
                #expect(upload.status == .seeOther && upload.location == "/leader")
                let page = try await browser.get("/leader")
                #expect(DeskFlow.section(page.text, id: "verdict").contains("个错误需要改正"))
                let command = try ShufaCommand.run(
                    [
                        "check", "short.odt", "--json", "--templates", Repo.templates.path, "--schemas",
                        Repo.schemas.path,
                    ],
                    in: scratch)
                let checked = try JSONDecoder().decode(Checked.self, from: Data(command.output.utf8))
                let findings = try #require(checked.documents.first?.findings)
                #expect(findings.contains { $0.severity == "error" })
                let table = DeskFlow.section(page.text, id: "findings")
                for finding in findings {
                    #expect(table.contains(Pages.escape(finding.message)), "\(finding.message)")
                    guard let paragraph = ReturnedIntake.paragraph(in: finding.location) else { continue }
                    #expect(table.contains("href=\"#p\(paragraph)\""))
                    #expect(
                        page.text.contains("id=\"p\(paragraph)\" class=\""), "paragraph \(paragraph) in the outline")
                    let marked = page.text.components(separatedBy: "id=\"p\(paragraph)\" class=\"")[1].prefix(20)
                    #expect(marked.contains("marked"))
                }
                #expect(page.text.contains("id=\"final-problem\""), "no final report from a report with errors")
            }
        }

        struct Checked: Decodable {
            struct Document: Decodable { var findings: [Found] }
            struct Found: Decodable {
                var severity: String
                var message: String
                var location: String
            }
            var documents: [Document]
        }

        @Test func aReportThatPassesBecomesTheFinalReport() async throws {
            let desk = try await TestDesk.make()
            try await DeskFlow.built(desk)
            let ok = try DeskFlow.fixture("returned/ok.odt")
            try await desk.test(signedInAs: "huang") { browser in
                try await browser.get("/leader")
                try await browser.upload("/leader/upload", files: [("黄志刚-定稿.odt", ok)])
                let page = try await browser.get("/leader")
                #expect(DeskFlow.section(page.text, id: "verdict").contains("检查通过"))
                let link = try #require(
                    Browser.links(in: DeskFlow.section(page.text, id: "final"), containing: "述职述法报告").first)
                let final = try await browser.get(link)
                #expect(final.status == .ok)
                let parts = try ODFParts.read(final.body, file: "final.odt")
                let checked = try desk.desk.checker.check(parts, path: "final.odt")
                #expect(!checked.hasErrors, "\(checked.findings)")
                let mine = try ReportExtractor(catalog: desk.desk.catalog).extract(
                    ReportExtractor(catalog: desk.desk.catalog).document(try ODFParts.read(ok, file: "ok.odt")),
                    file: "ok.odt")
                let made = try ReportExtractor(catalog: desk.desk.catalog).extract(
                    ReportExtractor(catalog: desk.desk.catalog).document(parts), file: "final.odt")
                #expect(made.roster.leaders.first?.law == mine.roster.leaders.first?.law, "the leader's own 述法 text")
                #expect(made.roster.leaders.first?.id == "QC006")
            }
            let trail = try ArchiveDesk(desk: desk.desk).trail(of: "QC006", year: 2025)
            #expect(trail.entries.last?.state == .returned)
            #expect(trail.entries.last?.actor == "shufa serve（经办账号 huang）")
            let journal = DeskJournal(file: desk.data.appendingPathComponent("journal.jsonl")).entries()
            #expect(
                journal.contains {
                    $0.action == "return" && $0.account == "huang" && $0.sha256 == ContentDigest.hex(ok)
                })
        }

        @Test func anotherLeadersReportIsRefused() async throws {
            let desk = try await TestDesk.make()
            try await DeskFlow.built(desk)
            try await desk.test(signedInAs: "huang") { browser in
                try await browser.get("/leader")
                let page = try await browser.upload(
                    "/leader/upload", files: [("姚军.odt", try DeskFlow.fixture("returned/typed.odt"))])
                #expect(page.status == .unprocessableContent)
                #expect(page.text.contains(DeskMessages.text(.notYours(file: "姚军.odt", owner: "QC020", own: "QC006"))))
                let roster = try await browser.upload("/leader/upload", files: [("名单.json", try DeskFlow.rosterData())])
                #expect(roster.status == .unsupportedMediaType)
            }
            #expect(desk.desk.state.leader("QC006") == nil && desk.desk.state.leader("QC020") == nil)
        }
    }
}
