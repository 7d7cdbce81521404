import Foundation
import ShufaArchive
import Testing
import ZIPFoundation

@testable import ShufaServe

extension DeskTests {
    /// 审核/审定 by a reviewer, 报送/归档, search, trail and export by the 考核主管部门: each step as `shufa review`
    /// and `shufa archive` take it, refused as they refuse it, the trail naming the account.
    @Suite struct ReviewArchiveRouteTests {
        /// A built desk where 黄志刚 (QC006) has returned a report that passes.
        static func returned() async throws -> TestDesk {
            let desk = try await TestDesk.make()
            try await DeskFlow.built(desk)
            try await desk.test(signedInAs: "huang") { browser in
                try await browser.get("/leader")
                let page = try await browser.upload(
                    "/leader/upload", files: [("ok.odt", try DeskFlow.fixture("returned/ok.odt"))])
                #expect(page.status == .seeOther)
            }
            return desk
        }

        @Test func aReviewerApprovesAndTheTrailNamesTheAccount() async throws {
            let desk = try await Self.returned()
            try await desk.test(signedInAs: "reviewer") { browser in
                let list = try await browser.get("/review")
                #expect(list.status == .ok)
                let row = try #require(list.text.components(separatedBy: "<tr>").first { $0.contains(">QC006<") })
                #expect(row.contains("已交回") && row.contains("通过"))
                let page = try await browser.get("/review/QC006")
                #expect(page.text.contains("id=\"findings\"") && page.text.contains("id=\"outline\""))
                let refusals: [([String: String], String)] = [
                    (["to": "approved", "by": "张三"], "不能办理"),
                    (["to": "reviewed", "by": "张三"], "不能办理"),
                    (["to": "approved", "by": ""], ArchiveMessages.text(.noReviewer)),
                ]
                for (fields, message) in refusals {
                    let refused = try await browser.post("/review/QC006", fields)
                    #expect(refused.status == .unprocessableContent, "\(fields)")
                    #expect(
                        DeskFlow.section(refused.text, id: "refusal").contains(Pages.escape(message))
                            || refused.text.contains(Pages.escape(message)), "\(fields): \(refused.text)")
                }
                let submitted = try await browser.post("/review/QC006", ["to": "submitted", "by": "县委组织部"])
                #expect(
                    submitted.status == .unprocessableContent && submitted.text.contains(DeskMessages.text(.badForm)))
                let forged = try await browser.post(
                    "/review/QC006", ["to": "approved", "by": "县司法局党组"], token: .omitted)
                #expect(forged.status == .forbidden)
                let approved = try await browser.post(
                    "/review/QC006", ["to": "approved", "by": "县司法局党组", "note": "党组会议研究"])
                #expect(approved.status == .seeOther && approved.location == "/review/QC006?done=1")
                let after = try await browser.get("/review/QC006?done=1")
                #expect(after.text.contains("已记录") && after.text.contains("县司法局党组（经办账号 reviewer）"))
                #expect(try await browser.get("/review/QC999").status == .notFound)
            }
            let trail = try ArchiveDesk(desk: desk.desk).trail(of: "QC006", year: 2025)
            let last = try #require(trail.entries.last)
            #expect(last.state == .approved && last.actor == "县司法局党组（经办账号 reviewer）" && last.note == "党组会议研究")
            let expectedRefusal = ArchiveMessages.text(.refused(.approverNotParty(by: "张三")))
            #expect(expectedRefusal.hasPrefix("不能办理"))
        }

        /// A 编号 with characters a path segment percent-encodes (汉字, a hyphen): its links still lead to it.
        @Test func aLeaderWhoseIdIsEncodedInTheLinkIsReached() async throws {
            let desk = try await TestDesk.make()
            let text = try String(contentsOf: Repo.roster, encoding: .utf8)
                .replacingOccurrences(of: "\"QC006\"", with: "\"青川-006\"")
            let roster = Repo.temporaryDirectory().appendingPathComponent("名单.json")
            try text.write(to: roster, atomically: true, encoding: .utf8)
            try await desk.test { client in
                try await DeskFlow.uploadRoster(Browser(client), roster)
                let browser = Browser(client)
                try await browser.signIn("reviewer")
                let list = try await browser.get("/review")
                let link = try #require(Browser.links(in: list.text, containing: "黄志刚").first)
                #expect(link == "/review/" + ReviewList.path("青川-006") && link.contains("%"))
                let page = try await browser.get(link)
                #expect(page.status == .ok && page.text.contains("黄志刚的述职述法报告"), "\(link): \(page.status)")
                let step = try await browser.post(link, ["to": "approved", "by": "县司法局党组"])
                #expect(step.status == .unprocessableContent && step.text.contains("黄志刚的述职述法报告"))
                try await browser.signIn("archivist")
                let trail = try await browser.get("/archive/leader/" + ReviewList.path("青川-006"))
                #expect(trail.text.contains("「青川-006」"), "the trail's refusal names the 编号, not its encoding")
            }
        }

        @Test func theArchivistSubmitsSearchesFollowsTheTrailAndExports() async throws {
            let desk = try await Self.returned()
            try await desk.test { client in
                let reviewer = Browser(client)
                try await reviewer.signIn("reviewer")
                try await reviewer.get("/review/QC006")
                try await reviewer.post("/review/QC006", ["to": "approved", "by": "县司法局党组"])
                let browser = Browser(client)
                try await browser.signIn("archivist")
                let status = try await browser.get("/archive")
                let row = try #require(
                    DeskFlow.section(status.text, id: "status").components(separatedBy: "<tr>")
                        .first { $0.contains("县司法局") })
                #expect(row.contains("<td class=\"num\">1</td>"), "one 审定 in the unit")
                let early = try await browser.post(
                    "/archive/step", ["leader": "QC001", "to": "submitted", "by": "县委组织部"])
                #expect(early.status == .unprocessableContent && early.text.contains("不能办理"))
                let step = try await browser.post(
                    "/archive/step", ["leader": "QC006", "to": "submitted", "by": "县委组织部"])
                #expect(step.status == .seeOther && step.location == "/archive?done=1")
                let wrong = try await browser.post(
                    "/archive/step", ["leader": "QC006", "to": "approved", "by": "县司法局党组"])
                #expect(wrong.status == .unprocessableContent && wrong.text.contains(DeskMessages.text(.badForm)))
                let search = try await browser.get("/archive/search?q=%E9%BB%84%E5%BF%97%E5%88%9A")
                #expect(search.status == .ok && search.text.contains("找到"))
                let hits = Browser.links(in: DeskFlow.section(search.text, id: "hits"), containing: "ok.odt")
                let link = try #require(hits.first)
                let file = try await browser.get(link)
                let original = try DeskFlow.fixture("returned/ok.odt")
                #expect(file.status == .ok && ContentDigest.hex(file.body) == ContentDigest.hex(original))
                #expect(try await browser.get("/archive/file/\(String(repeating: "0", count: 64))").status == .notFound)
                let trail = try await browser.get("/archive/leader/QC006")
                #expect(trail.text.contains("报送") && trail.text.contains("县委组织部（经办账号 archivist）"))
                try await browser.get("/archive/export")
                let badYear = try await browser.post("/archive/export", ["year": "二〇二五"])
                #expect(
                    badYear.status == .unprocessableContent
                        && badYear.text.contains(DeskMessages.text(.badYear("二〇二五"))))
                let emptyYear = try await browser.post("/archive/export", ["year": "1999"])
                #expect(emptyYear.status == .unprocessableContent)
                let export = try await browser.post("/archive/export", ["year": "2025"])
                #expect(export.status == .ok && export.headers[.contentType] == "application/zip")
                let zip = try Archive(data: export.body, accessMode: .read)
                #expect(zip.contains { $0.path.hasSuffix("trail.csv") || $0.path.contains("trail") })
            }
            let journal = DeskJournal(file: desk.data.appendingPathComponent("journal.jsonl")).entries()
            #expect(journal.map(\.action).suffix(3) == ["review", "review", "export"])
        }

        @Test func theTallyGivesGradesQuotaUseAndAChart() async throws {
            let desk = try await TestDesk.make()
            try await DeskFlow.built(desk)
            let entry = try #require(desk.desk.state.batch?.files.first { $0.name == "测评录入表.xlsx" })
            let scratch = Repo.temporaryDirectory()
            let filled = scratch.appendingPathComponent("测评录入表-已填.xlsx")
            let filler = Process()
            filler.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            filler.arguments = [
                Repo.fixtures.appendingPathComponent("tally-fill.py").path,
                desk.data.appendingPathComponent(entry.path).path, filled.path,
            ]
            filler.standardOutput = FileHandle.nullDevice
            try filler.run()
            filler.waitUntilExit()
            #expect(filler.terminationStatus == 0, "python3 with openpyxl fills the workbook (scripts/setup.sh)")
            try await desk.test(signedInAs: "clerk") { browser in
                try await browser.get("/clerk/tally")
                let upload = try await browser.upload(
                    "/clerk/tally", files: [("测评录入表-已填.xlsx", try Data(contentsOf: filled))])
                #expect(upload.status == .seeOther && upload.location == "/clerk/tally")
                let page = try await browser.get("/clerk/tally")
                let grades = DeskFlow.section(page.text, id: "grades")
                let tally = try #require(desk.desk.state.tally)
                #expect(!tally.leaders.isEmpty)
                for leader in tally.leaders {
                    #expect(grades.contains(">\(leader.id)<") && grades.contains(leader.grade))
                }
                #expect(page.text.contains("<svg class=\"chart\"") && page.text.contains("<rect"))
                #expect(tally.series.allSatisfy { !$0.quotaUse.isEmpty })
                let summary = try #require(Browser.links(in: page.text, containing: "考核结果汇总表.xlsx").first)
                let file = try await browser.get(summary)
                #expect(file.status == .ok && file.body.starts(with: [0x50, 0x4B]))
                let garbage = try await browser.upload("/clerk/tally", files: [("测评.xlsx", Data("不是表格".utf8))])
                #expect(garbage.status == .unprocessableContent || garbage.status == .unsupportedMediaType)
            }
            let status = try ArchiveStatus(archive: desk.desk.archive).report(year: 2025)
            #expect(
                status.total.grades.values.reduce(0, +)
                    == desk.desk.state.tally?.leaders.filter { $0.grade != "并列，需研究确定" }.count)
        }
    }
}
