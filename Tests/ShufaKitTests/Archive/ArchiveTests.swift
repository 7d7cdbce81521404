import Foundation
import GRDB
import ShufaKit
import Testing

@testable import ShufaArchive

/// Archives made for the tests: a new folder each time, filled through the same code as `archive add`.
enum Archives {
    static let options = CollectOptions(
        checker: Returned.checker, fontConfig: Repo.root.appendingPathComponent("fonts/fonts.conf"))
    static let tally = Repo.fixtures.appendingPathComponent("archive/tally.json")

    static func fresh() throws -> DocumentArchive {
        try DocumentArchive(Repo.temporaryDirectory().appendingPathComponent("archive"), create: true)
    }

    @discardableResult
    static func add(
        _ paths: [URL], to archive: DocumentArchive, options: CollectOptions = Archives.options
    ) throws -> AddReport {
        let collected = InputCollector(options: options, archive: archive).collect(paths)
        return try ArchiveAdder(archive: archive).add(collected)
    }

    /// An archive holding the sample build (both formats) and the tally fixture.
    static func sample() throws -> DocumentArchive {
        let archive = try fresh()
        try add([SampleBuild.shared.directory, tally], to: archive)
        return archive
    }

    /// A copy of a returned fixture under another name, in a new folder.
    static func returned(_ fixture: String, as name: String) throws -> URL {
        let url = Repo.temporaryDirectory().appendingPathComponent(name)
        try FileManager.default.copyItem(at: Returned.directory.appendingPathComponent(fixture), to: url)
        return url
    }

    static func find(
        _ text: String, in archive: DocumentArchive, year: Int? = nil, kind: String? = nil, grade: String? = nil,
        limit: Int = 500
    ) throws -> SearchResult {
        try ArchiveSearch(archive: archive).find(SearchQuery(text, year: year, grade: grade, kind: kind, limit: limit))
    }

    static func count(_ sql: String, in archive: DocumentArchive) throws -> Int {
        try archive.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }

    static func review(
        _ leader: String, _ target: ReviewState, by: String, override: String? = nil,
        in archive: DocumentArchive
    ) throws(ArchiveError) -> ReviewOutcome {
        try Reviewer(archive: archive).record(
            ReviewRequest(leader: leader, year: nil, target: target, by: by, override: override))
    }

    /// The refusal a step gets, or nil when it is recorded.
    static func refusal(
        _ leader: String, _ target: ReviewState, by: String, override: String? = nil,
        in archive: DocumentArchive
    ) -> ReviewRefusal? {
        do {
            _ = try review(leader, target, by: by, override: override, in: archive)
            return nil
        } catch {
            guard case .refused(let refusal) = error else {
                Issue.record("\(error)")
                return nil
            }
            return refusal
        }
    }
}

@Suite("Archive: storing and indexing")
struct ArchiveStoreTests {
    @Test("a built batch is stored once by content, read-only, and indexed with year, unit, leader, role, kind, format")
    func buildBatch() throws {
        let archive = try Archives.fresh()
        let report = try Archives.add([SampleBuild.shared.directory], to: archive)
        let documents = SampleBuild.shared.summary.documents
        #expect(report.problems.filter(\.isError).isEmpty, "\(report.problems)")
        #expect(report.recordedTotal == documents.count + 2)
        #expect(report.recorded["summary"] == 1 && report.recorded["journal"] == 1)
        for document in documents {
            let stored = archive.location.file(document.sha256)
            #expect(FileDigest.sha256(try Data(contentsOf: stored)) == document.sha256)
            #expect(try FileManager.default.attributesOfItem(atPath: stored.path)[.posixPermissions] as? Int == 0o444)
        }
        let row = try #require(
            try archive.read { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT d.*, l.name, l.role FROM document d JOIN leader l ON l.year = d.year AND l.id = d.leader
                        WHERE d.kind = 'report' AND d.format = 'odt' AND d.leader = 'QC006'
                        """)
            })
        #expect(row["year"] as Int == 2025 && row["unit"] as String == "县司法局" && row["name"] as String == "黄志刚")
        #expect(row["role"] as String == "政府工作部门主要负责人" && row["origin"] as String == "build")
        #expect(row["verdict"] as String? != nil && row["original"] as String == "report/QC006-黄志刚-述职述法报告.odt")
        #expect(try Archives.count("SELECT count(*) FROM leader WHERE year = 2025", in: archive) == 22)
    }

    @Test("adding the same batch again records nothing new and stores no second copy")
    func idempotent() throws {
        let archive = try Archives.fresh()
        let first = try Archives.add([SampleBuild.shared.directory], to: archive)
        let second = try Archives.add([SampleBuild.shared.directory], to: archive)
        #expect(second.recordedTotal == 0 && second.storedFiles == 0 && second.alreadyThere == first.recordedTotal)
        let stored = archive.store.contents().digests
        #expect(stored.count == Set(stored).count)
        #expect(try Archives.count("SELECT count(*) FROM document", in: archive) == first.recordedTotal)
    }

    @Test("a file changed after the build, a path leaving the folder, a missing file: each named and left out")
    func badListing() throws {
        let folder = Repo.temporaryDirectory().appendingPathComponent("built")
        let built = try SampleBuild.build(into: folder)
        let victim = try #require(built.summary.documents.first { $0.kind == .form })
        try Data("changed".utf8).write(to: folder.appendingPathComponent(victim.path))
        let summary = folder.appendingPathComponent("summary.json")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: summary)) as? [String: Any])
        let entries = try JSONEncoder().encode(try BuildListing.entries(in: folder))
        var listed = try #require(try JSONSerialization.jsonObject(with: entries) as? [[String: Any]])
        listed.append([
            "leader": "QC001", "unit": "x", "kind": "report", "path": "../../etc/passwd",
            "sha256": String(repeating: "0", count: 64),
        ])
        listed.append([
            "leader": "QC001", "unit": "x", "kind": "report", "path": "report/gone.fodt",
            "sha256": String(repeating: "0", count: 64),
        ])
        json["documents"] = listed
        try JSONSerialization.data(withJSONObject: json).write(to: summary)
        let archive = try Archives.fresh()
        let report = try Archives.add([folder], to: archive)
        #expect(report.problems.contains(.changedSinceListed(listing: "built/summary.json", path: victim.path)))
        #expect(report.problems.contains(.unsafePath(listing: "built/summary.json", path: "../../etc/passwd")))
        #expect(report.problems.contains(.missingFile(listing: "built/summary.json", path: "report/gone.fodt")))
        // Every listed document but the changed one, and summary.json and journal.jsonl themselves.
        #expect(report.recordedTotal == built.summary.documents.count - 1 + 2)
        #expect(ArchiveMessages.text(report.problems[0]).contains("未归档"))
    }

    @Test("returned reports: checked, verdict and findings kept, 已交回 recorded in the trail")
    func returnedReports() throws {
        let archive = try Archives.sample()
        let report = try Archives.add(
            [
                Returned.directory.appendingPathComponent("short.odt"),
                Returned.directory.appendingPathComponent("ok.odt"),
            ], to: archive)
        #expect(report.recorded["returned"] == 2, "\(report.problems)")
        let rows = try archive.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT original, verdict, errors, findings FROM document
                    WHERE origin = 'returned' ORDER BY original
                    """
            )
        }
        #expect(rows.map { $0["original"] as String } == ["ok.odt", "short.odt"])
        #expect(rows[0]["verdict"] as String != "errors" && rows[1]["verdict"] as String == "errors")
        #expect((rows[1]["findings"] as String).contains("述法部分 83 字"))
        let trail = try TrailReader(archive: archive).trail(of: "QC006", year: 2025)
        #expect(trail.entries.map(\.state) == [.draft, .returned])
        #expect(trail.entries.last?.actor == "shufa archive add")
    }

    @Test("hostile names of returned documents stay data: the store holds only names made of digests")
    func hostileNames() throws {
        let names = [
            "∕..∕..∕etc∕passwd.fodt", "-rf --no-preserve-root.fodt", "a\nb\r\u{1B}[31m.fodt", "$(touch pwned).fodt",
            "报告\u{202E}tdo.exe.fodt",
            String(repeating: "长", count: 80) + ".fodt",
        ]
        let report = try Data(contentsOf: Returned.directory.appendingPathComponent("generated.fodt"))
        let folder = Repo.temporaryDirectory().appendingPathComponent("returned")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (index, name) in names.enumerated() {
            let sub = folder.appendingPathComponent("\(index)")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            try (report + Data("<!-- \(index) -->".utf8)).write(to: sub.appendingPathComponent(name))
        }
        let archive = try Archives.sample()
        let added = try Archives.add([folder], to: archive)
        #expect(added.recorded["returned"] == names.count, "\(added.problems)")
        let contents = archive.store.contents()
        #expect(contents.strays.isEmpty)
        let all = try FileManager.default.subpathsOfDirectory(atPath: archive.location.root.path)
        #expect(all.allSatisfy { !$0.contains("pwned") && !$0.contains("长") && !$0.contains("\n") })
        let originals = try archive.read { db in
            try String.fetchAll(db, sql: "SELECT original FROM document WHERE origin = 'returned'")
        }
        #expect(originals.contains("a\nb\r\u{1B}[31m.fodt") && originals.contains("$(touch pwned).fodt"))
        #expect(!FileManager.default.fileExists(atPath: "pwned"))
        let hit = try #require(try Archives.find("pwned", in: archive).documents.first)
        #expect(hit.original == "$(touch pwned).fodt" && hit.path == ArchiveLocation.relativePath(hit.sha256))
        #expect(!ArchiveMessages.clean("a\nb\u{1B}[31m").contains("\u{1B}"))
    }

    @Test("a tally's grades go to the leaders; a leader the archive does not know is noted")
    func tally() throws {
        let archive = try Archives.sample()
        let grade = { (id: String) in
            try archive.read { db in
                try String.fetchOne(db, sql: "SELECT grade FROM leader WHERE id = ?", arguments: [id])
            }
        }
        #expect(try grade("QC001") == "优秀" && grade("QC007") == "较差" && grade("QC005") == "并列，需研究确定")
        let again = try Archives.add([Archives.tally], to: archive)
        #expect(again.problems.contains(.unknownTallyLeader(file: "tally.json", leader: "QC999")))
        #expect(again.problems.allSatisfy { !$0.isError })
    }

    @Test("a tally without a year whose leaders the archive knows in two years needs --year")
    func tallyYear() throws {
        let archive = try Archives.sample()
        let folder = Repo.temporaryDirectory()
        let roster = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Repo.roster)) as? [String: Any])
        var next = roster
        next["year"] = 2026
        try JSONSerialization.data(withJSONObject: next).write(to: folder.appendingPathComponent("roster.json"))
        let request = BuildRequest(
            roster: folder.appendingPathComponent("roster.json"), templates: Repo.templates,
            output: folder.appendingPathComponent("2026"), kinds: [.form])
        _ = try BatchBuilder(request).run()
        try Archives.add([request.output], to: archive)
        let ambiguous = try Archives.add([Archives.tally], to: archive)
        #expect(ambiguous.problems.contains(.noYear(file: "tally.json")))
        var options = Archives.options
        options.year = 2026
        let given = try Archives.add([Archives.tally], to: archive, options: options)
        #expect(given.grades == 24 && given.problems.filter(\.isError).isEmpty)
        #expect(try Archives.find("优秀", in: archive, year: 2026, kind: "form").total == 6)
    }

    @Test("inputs that are not a batch, a report or a tally are refused by name; a PDF alone too")
    func unrecognised() throws {
        let folder = Repo.temporaryDirectory()
        let pdf = folder.appendingPathComponent("x.pdf")
        let text = folder.appendingPathComponent("notes.txt")
        try Data("%PDF-1.7".utf8).write(to: pdf)
        try Data("hello".utf8).write(to: text)
        let archive = try Archives.fresh()
        let report = try Archives.add([pdf, text, folder.appendingPathComponent("missing")], to: archive)
        #expect(report.problems.count == 3 && report.recordedTotal == 0)
        #expect(report.problems[0] == .loosePDF(file: pdf.path) && report.problems[1] == .unrecognised(file: text.path))
        #expect(report.problems.map(\.description).allSatisfy { $0.unicodeScalars.contains { $0.value > 0x4E00 } })
    }
}

/// Every message of the archive, walked case by case.
@Suite("Archive: messages")
struct ArchiveMessageTests {
    static func isChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    @Test("every error and every problem of add is Chinese and names its file, leader or option")
    func everyCase() {
        let failure = FileFailure(path: "returned/x.odt", code: ENOENT)
        let errors: [(ArchiveError, String)] = [
            (.noArchive(path: "archive"), "archive"), (.file(failure), "returned/x.odt"),
            (
                .database(
                    path: "archive/index.sqlite", failure: DatabaseFailure(DatabaseError(resultCode: .SQLITE_FULL))),
                "index.sqlite"
            ),
            (.unsupportedSQLite(version: "3.31.1"), "3.31.1"), (.newerArchive(version: 9), "9"),
            (.unknownLeader(query: "QC999", year: 2025), "QC999"),
            (.ambiguousLeader(query: "王五", candidates: ["甲"]), "王五"),
            (.unknownState("通过"), "通过"), (.refused(.noReport(leader: "甲")), "甲"), (.emptyOverrideReason, "--override"),
            (.nothingArchived(year: 2025), "2025"), (.nothingArchived(year: nil), "archive add"),
            (.damagedFile("store/ab/ab"), "store/ab/ab"), (.emptyQuery, "姓名"), (.noInputs, "归档"),
            (.leaderForSeveral, "--leader"), (.noReviewer, "--by"),
        ]
        for (error, named) in errors {
            #expect(Self.isChinese(error.description) && error.description.contains(named), "\(error)")
        }
        let problems: [(AddProblem, String)] = [
            (.unreadable(failure), "x.odt"), (.unrecognised(file: "a.txt"), "a.txt"),
            (.loosePDF(file: "a.pdf"), "a.pdf"),
            (.badListing(file: "summary.json", reason: "不是 shufa 写出的格式"), "summary.json"),
            (.unsafePath(listing: "summary.json", path: "../x"), "../x"),
            (.missingFile(listing: "s", path: "y.fodt"), "y.fodt"),
            (.changedSinceListed(listing: "s", path: "z.fodt"), "z.fodt"), (.noYear(file: "a.odt"), "--year"),
            (.noLeader(file: "a.odt"), "--leader"), (.pdfaMissing(file: "p.pdf"), "p.pdf"),
            (.unreadableDocument(file: "b.odt", reason: "损坏"), "b.odt"), (.storeFailed(failure), "x.odt"),
            (.changedWhileStoring(file: "c.odt"), "c.odt"), (.unknownTallyLeader(file: "t.json", leader: "QC9"), "QC9"),
            (.returnedAfterSubmission(file: "d.odt", leader: "QC1"), "d.odt"), (.recovered(files: 3), "3"),
        ]
        for (problem, named) in problems {
            #expect(Self.isChinese(problem.description) && problem.description.contains(named), "\(problem)")
        }
        #expect(
            Self.isChinese(ArchiveNotice.waitingToAdd.description)
                && Self.isChinese(ArchiveNotice.waitingToVerify.description))
    }
}

@Suite("Archive: finding")
struct ArchiveFindTests {
    static let archive: DocumentArchive = { try! Archives.sample() }()

    @Test("by a three-character name: every document of that leader, and the ballot naming them")
    func name() throws {
        let result = try Archives.find("黄志刚", in: Self.archive)
        #expect(result.total == result.documents.count)
        let kinds = Set(result.documents.filter { $0.leader == "QC006" }.map(\.kind))
        #expect(kinds == ["draft", "report", "form", "tasklist"])
        #expect(result.documents.contains { $0.kind == "ballot" && $0.snippet?.contains("【黄志刚】") == true })
    }

    @Test("by a two-character name, which no trigram holds alone")
    func twoCharacters() throws {
        let result = try Archives.find("冯雪", in: Self.archive)
        #expect(result.documents.contains { $0.leader == "QC010" && $0.kind == "draft" })
        #expect(result.documents.allSatisfy { $0.leader == "QC010" || $0.kind == "ballot" })
        #expect(try Archives.find("冯雨", in: Self.archive).total == 0)
    }

    @Test("by unit, year and grade words together; by kind; a single character matches names and units")
    func combined() throws {
        let result = try Archives.find("县司法局 2025 优秀", in: Self.archive)
        #expect(result.documents.allSatisfy { $0.year == 2025 && $0.grade == "优秀" })
        #expect(result.documents.filter { $0.unit == "县司法局" }.allSatisfy { $0.leader == "QC006" })
        #expect(result.documents.contains { $0.leader == "QC006" && $0.kind == "report" })
        #expect(try Archives.find("县司法局", in: Self.archive, year: 2024).total == 0)
        let reports = try Archives.find("", in: Self.archive, kind: "述职述法报告")
        #expect(reports.total == SampleBuild.documents(.report).count * 2)
        #expect(try Archives.find("雪", in: Self.archive).documents.contains { $0.name == "冯雪" })
    }

    @Test("by words of the report text, with the place they occur")
    func fullText() throws {
        let result = try Archives.find("行政执法 公职律师", in: Self.archive, kind: "report")
        #expect(result.total > 0)
        #expect(result.documents.allSatisfy { $0.snippet?.contains("【") == true })
        #expect(try Archives.find("并不存在的一句话", in: Self.archive).total == 0)
    }

    @Test("an empty query is refused")
    func empty() {
        #expect(throws: ArchiveError.emptyQuery) { try Archives.find("  ", in: Self.archive) }
    }
}

@Suite("Archive: review trail")
struct ArchiveReviewTests {
    @Test("a 主要负责人's report: 审定 by the 党委（党组）, never 审核; 报送 only after; check errors need --override")
    func principal() throws {
        let archive = try Archives.sample()
        #expect(Archives.refusal("QC006", .submitted, by: "办公室", in: archive) == .order(from: .draft, to: .submitted))
        try Archives.add([Returned.directory.appendingPathComponent("short.odt")], to: archive)
        #expect(Archives.refusal("黄志刚", .reviewed, by: "黄志刚", in: archive)?.overridable == false)
        #expect(Archives.refusal("QC006", .approved, by: "张三", in: archive) == .approverNotParty(by: "张三"))
        #expect(
            Archives.refusal("QC006", .approved, by: "县司法局党组", in: archive) == .checkErrors(count: 1, file: "short.odt")
        )
        let overridden = try Archives.review(
            "QC006", .approved, by: "县司法局党组", override: "经党组会议研究，字数问题已当面说明",
            in: archive)
        #expect(overridden.entry.override == "经党组会议研究，字数问题已当面说明" && overridden.overridden.count == 1)
        _ = try Archives.review("QC006", .submitted, by: "县委依法治县办", in: archive)
        _ = try Archives.review("QC006", .archived, by: "档案室", in: archive)
        let trail = try TrailReader(archive: archive).trail(of: "QC006", year: 2025).entries
        #expect(trail.map(\.state) == [.draft, .returned, .approved, .submitted, .archived])
        #expect(
            trail[2].report
                == (try archive.read { db in
                    try String.fetchOne(db, sql: "SELECT sha256 FROM document WHERE original = 'short.odt'")
                }))
    }

    @Test("a 班子成员's report: 审核 by a 主要负责人 of the unit, never 审定; others are refused with the reason")
    func member() throws {
        let archive = try Archives.sample()
        let report = try Archives.returned("ok.odt", as: "马丽娟.odt")
        var options = Archives.options
        options.leader = "QC007"
        try Archives.add([report], to: archive, options: options)
        #expect(
            Archives.refusal("QC007", .approved, by: "县司法局党组", in: archive)
                == .approvalOfMember(leader: "马丽娟（QC007，县司法局 党组成员、副局长）"))
        #expect(
            Archives.refusal("QC007", .reviewed, by: "陈立新", in: archive)
                == .reviewerNotPrincipal(by: "陈立新", role: "政府主要负责人", theirUnit: "青川县人民政府", unit: "县司法局"))
        #expect(Archives.refusal("QC007", .reviewed, by: "马丽娟", in: archive) == .ownReport(by: "马丽娟"))
        #expect(
            Archives.refusal("QC007", .reviewed, by: "王五", in: archive)
                == .reviewerUnknown(by: "王五", unit: "县司法局", principals: ["黄志刚"]))
        let recorded = try Archives.review("QC007", .reviewed, by: "黄志刚", in: archive)
        #expect(recorded.entry.state == .reviewed && recorded.overridden.isEmpty)
        #expect(Archives.refusal("QC007", .archived, by: "档案室", in: archive) == .order(from: .reviewed, to: .archived))
        _ = try Archives.review("QC007", .submitted, by: "县委组织部", in: archive)
        #expect(Archives.refusal("QC007", .returned, by: "办公室", in: archive) == .order(from: .submitted, to: .returned))
    }

    @Test("every refusal says why in Chinese and, where it may be overridden, how")
    func messages() {
        let refusals: [ReviewRefusal] = [
            .order(from: nil, to: .submitted), .order(from: .draft, to: .approved), .approvalOfMember(leader: "甲"),
            .reviewOfPrincipal(leader: "乙"), .unknownRole(leader: "丙"), .approverNotParty(by: "丁"),
            .reviewerNotPrincipal(by: "戊", role: "领导班子其他成员", theirUnit: "某局", unit: "某局"), .ownReport(by: "己"),
            .reviewerUnknown(by: "庚", unit: "某局", principals: []), .checkErrors(count: 2, file: "x.odt"),
            .noReport(leader: "辛"),
        ]
        for refusal in refusals {
            let text = ArchiveMessages.text(ArchiveError.refused(refusal))
            #expect(text.hasPrefix("不能办理："))
            #expect(text.contains("--override") == refusal.overridable, "\(text)")
        }
        #expect(ArchiveMessages.text(.order(from: .returned, to: .submitted)).contains("004 四（一）"))
    }

    @Test("the trail is append-only: SQLite refuses UPDATE and DELETE on it")
    func appendOnly() throws {
        let archive = try Archives.sample()
        #expect(throws: DatabaseError.self) {
            try archive.database.write { db in try db.execute(sql: "UPDATE trail SET actor = '别人' WHERE id = 1") }
        }
        #expect(throws: DatabaseError.self) {
            try archive.database.write { db in try db.execute(sql: "DELETE FROM trail") }
        }
        #expect(try Archives.count("SELECT count(*) FROM trail", in: archive) == 22)
    }

    @Test("status: per unit, drafts out, returned, passing, 审核/审定, 报送, grades")
    func status() throws {
        let archive = try Archives.sample()
        try Archives.add([Returned.directory.appendingPathComponent("ok.odt")], to: archive)
        _ = try Archives.review("QC006", .approved, by: "县司法局党组", in: archive)
        _ = try Archives.review("QC006", .submitted, by: "县委依法治县办", in: archive)
        let report = try ArchiveStatus(archive: archive).report()
        let unit = try #require(report.units.first { $0.unit == "县司法局" })
        #expect(report.year == 2025 && report.units.count == 12)
        #expect(unit.leaders == 2 && unit.draftsOut == 2 && unit.returned == 1 && unit.passing == 1)
        #expect(unit.reviewed == 1 && unit.submitted == 1 && unit.archived == 0)
        #expect(unit.grades == ["优秀": 1, "较差": 1])
        #expect(report.total.leaders == 22 && report.total.returned == 1)
        #expect(try ArchiveStatus(archive: archive).report(unit: "司法").units.map(\.unit) == ["县司法局"])
        #expect(throws: ArchiveError.nothingArchived(year: 1999)) {
            try ArchiveStatus(archive: archive).report(year: 1999)
        }
    }
}
