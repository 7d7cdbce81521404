import Foundation
import ShufaKit
import ShufaODF
import ShufaXML
import Testing

/// Reports made by shufa, opened and saved by LibreOffice, some edited to break a rule
/// (`scripts/make-check-fixtures.py` makes them).
enum Returned {
    static let directory = Repo.fixtures.appendingPathComponent("returned")
    static let checker = ReportChecker(catalog: Repo.catalog, validator: Repo.validator)

    static func check(_ name: String, role: String? = nil) throws -> CheckedDocument {
        let url = directory.appendingPathComponent(name)
        return try checker.check(try ODFParts.read(url), path: name, role: role)
    }

    static func errors(_ document: CheckedDocument) -> [Finding] { document.findings.filter { $0.severity == .error } }
}

@Suite("Checking reports")
struct CheckTests {
    @Test("a report shufa generated passes every rule, schema strictly")
    func generatedPasses() throws {
        let checked = try Returned.check("generated.fodt")
        #expect(Returned.errors(checked).isEmpty, "\(checked.findings)")
        #expect(!checked.findings.contains { $0.rule == .schema })
        #expect(checked.role == "政府工作部门主要负责人")
    }

    @Test("the same report saved by LibreOffice passes; its loext: extensions are info, not errors")
    func libreOfficeSavedPasses() throws {
        let checked = try Returned.check("ok.odt")
        #expect(Returned.errors(checked).isEmpty, "\(checked.findings)")
        #expect(checked.findings.contains { $0.rule == .schema && $0.severity == .info })
    }

    @Test("rule parts: a report without the 述法 part is an error")
    func missingLaw() throws {
        let errors = Returned.errors(try Returned.check("missing-law.odt"))
        #expect(errors.map(\.rule) == [.parts], "\(errors)")
    }

    @Test("rule separate-item: 述法 as a sub-item of 述职, in a table, or split over two places")
    func separateItem() throws {
        for name in ["nested.odt", "table.odt", "split.odt"] {
            let errors = Returned.errors(try Returned.check(name))
            #expect(errors.contains { $0.rule == .separateItem }, "\(name): \(errors)")
        }
        let nested = Returned.errors(try Returned.check("nested.odt")).first { $0.rule == .separateItem }
        #expect(nested?.message.contains("一、履行岗位职责情况") == true)
    }

    @Test("rule length: too short and too long are errors, with the count")
    func length() throws {
        let short = Returned.errors(try Returned.check("short.odt")).first { $0.rule == .length }
        let long = Returned.errors(try Returned.check("long.odt")).first { $0.rule == .length }
        #expect(short?.message.contains("83 字") == true, "\(String(describing: short))")
        #expect(long?.message.contains("882 字") == true, "\(String(describing: long))")
        #expect(short?.location.contains("履行推进法治建设第一责任人职责情况") == true)
    }

    @Test("the length counts CJK characters, letters and digits, not spaces or punctuation")
    func countRule() {
        #expect(ReportOutline.countedLength("学法 4 次，ABC。“普法”！") == 9)
    }

    @Test("rule coverage: points whose keywords the 述法 text does not use are listed")
    func coverage() throws {
        let role = try #require(Repo.catalog.role(named: "政府工作部门主要负责人"))
        let short = try Returned.check("short.odt")
        let uncovered = short.findings.filter { $0.rule == .coverage }
        #expect(!uncovered.isEmpty)
        #expect(uncovered.allSatisfy { $0.severity == .warning })
        let okCoverage = try Returned.check("ok.odt").findings.filter { $0.rule == .coverage }.count
        #expect(uncovered.count > okCoverage)
        #expect(uncovered.allSatisfy { finding in role.points.contains { finding.message.contains($0.title) } })
    }

    @Test("rule leftovers: every unfilled prompt of a returned draft is an error with its section")
    func leftovers() throws {
        let checked = try Returned.check("draft-blank.odt")
        let prompts = checked.findings.filter { $0.rule == .leftovers }
        let role = try #require(Repo.catalog.role(named: "乡镇政府主要负责人"))
        #expect(prompts.count >= role.points.count + 3)
        #expect(prompts.allSatisfy { $0.severity == .error })
        #expect(
            prompts.contains {
                $0.location.contains("二、履行推进法治建设第一责任人职责情况") && $0.message.contains(role.points[0].title)
            })
        #expect(!prompts.contains { $0.message.contains("<") })
    }

    @Test("rule role: unknown or missing role is an error saying how to give it; --role overrides")
    func role() throws {
        #expect(Returned.errors(try Returned.check("wrong-role.odt")).map(\.rule) == [.role])
        let missing = Returned.errors(try Returned.check("no-role.odt"))
        #expect(missing.map(\.rule) == [.role])
        #expect(missing.first?.message.contains("--role") == true)
        #expect(Returned.errors(try Returned.check("no-role.odt", role: "政府工作部门主要负责人")).isEmpty)
    }

    @Test("a report written without heading styles is read by its numbering 「一、」「二、」")
    func plainParagraphs() throws {
        let checked = try Returned.check("plain.odt")
        #expect(Returned.errors(checked).isEmpty, "\(checked.findings)")
    }

    @Test("rule schema: a generated document that is not valid ODF is an error")
    func schemaError() throws {
        let xml = try String(contentsOf: Returned.directory.appendingPathComponent("generated.fodt"), encoding: .utf8)
        let broken = xml.replacingOccurrences(of: "<text:h ", with: "<text:h text:bogus=\"1\" ")
        let checked = try Returned.checker.check(
            try ODFParts.read(Data(broken.utf8), file: "broken.fodt"), path: "broken.fodt")
        #expect(Returned.errors(checked).contains { $0.rule == .schema })
    }

    @Test("rule minimums: roster values below the seeds' minimums are warnings")
    func minimums() throws {
        let roster = try RosterReader(catalog: Repo.catalog).read(Repo.roster)
        let leader = try #require(roster.leaders.first { $0.id == "QC012" })
        let findings = MinimumCheck.findings(leader, role: Repo.catalog.role(named: leader.role)!)
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("执法人员法治培训学时 48学时，低于最低要求 60学时") == true)
        #expect(findings.first?.severity == .warning)
    }

    @Test("a .docx returned from Word is checked through LibreOffice")
    func docx() throws {
        let loaded = DocumentLoader.load([Returned.directory.appendingPathComponent("ok.docx")])
        let parts = try loaded[0].parts.get()
        let checked = try Returned.checker.check(parts, path: "ok.docx", role: "政府工作部门主要负责人")
        #expect(Returned.errors(checked).isEmpty, "\(checked.findings)")
    }

    @Test("a damaged .docx among others: it alone is refused, with a message saying what to do")
    func damagedWord() throws {
        let damaged = Repo.temporaryDirectory().appendingPathComponent("damaged.docx")
        try Data([0x50, 0x4B, 0x03, 0x04] + Array("not a package".utf8)).write(to: damaged)
        let loaded = DocumentLoader.load([damaged, Returned.directory.appendingPathComponent("ok.docx")])
        guard case .failure(let error) = loaded[0].parts else { Issue.record("the damaged file was read"); return }
        #expect(error.file == "damaged.docx" && error.message.contains("另存"), "\(error)")
        #expect(throws: Never.self) { try loaded[1].parts.get() }
    }
}

@Suite("Extracting returned drafts")
struct ExtractTests {
    @Test("a returned draft gives back the leader's texts; building from them makes the report")
    func roundTrip() throws {
        let parts = try ODFParts.read(Returned.directory.appendingPathComponent("draft-filled.odt"))
        let extractor = ReportExtractor(catalog: Repo.catalog)
        let extracted = extractor.extract(try extractor.document(parts), file: "draft-filled.odt").roster
        let original = try #require(
            try RosterReader(catalog: Repo.catalog).read(Repo.roster).leaders.first { $0.id == "QC006" })
        let record = try #require(extracted.leaders.first)
        #expect(
            record.id == "QC006" && record.name == original.name && record.role == original.role
                && record.position == original.position)
        #expect(record.duty == original.duty)
        #expect(record.law == original.law)
        #expect(record.problems == original.problems)
        #expect(record.measures == original.measures)
        #expect(extracted.year == 2025 && extracted.organization == "青川县")

        let directory = Repo.temporaryDirectory()
        let roster = directory.appendingPathComponent("extracted.json")
        try JSONEncoder().encode(extracted).write(to: roster)
        let summary = try BatchBuilder(
            BuildRequest(roster: roster, templates: Repo.templates, output: directory, kinds: [.report])
        ).run()
        let report = try #require(summary.documents.first)
        let xml = try String(contentsOf: directory.appendingPathComponent(report.path), encoding: .utf8)
        #expect(xml.contains(String(original.law.prefix(40))))
    }
}

@Suite("Hostile files")
struct HostileFileTests {
    static func read(_ bytes: [UInt8], _ name: String) -> Result<ReportDocument, Error> {
        Result { try ReportDocument(try ODFParts.read(Data(bytes), file: name), prompts: nil) }
    }

    @Test("not XML, empty, garbage: a clear error")
    func garbage() {
        for (bytes, name) in [
            (Array("not xml at all".utf8), "a.fodt"), ([], "b.fodt"), ([0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "c.odt"),
        ] {
            guard case .failure(let error) = Self.read(bytes, name) else { Issue.record("\(name) was read"); continue }
            #expect("\(error)".contains(name) || "\(error)".contains("well-formed"), "\(error)")
        }
    }

    @Test("billion laughs and an external entity pointing at a local file are refused, never expanded")
    func entities() {
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">\
            <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\
            <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>\
            <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">&lol9;</office:document>
            """
        let external = """
            <?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\
            <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">\
            <office:body>&x;</office:body></office:document>
            """
        for xml in [laughs, external] {
            let result = Self.read(Array(xml.utf8), "evil.fodt")
            guard case .failure(let error) = result else { Issue.record("read"); continue }
            #expect("\(error)".contains("DOCTYPE"), "\(error)")
        }
    }

    @Test("a zip bomb is refused at the size limit, without unpacking it all")
    func zipBomb() {
        let zeros = [UInt8](repeating: 0x20, count: ODFParts.partLimit + 1024)
        let bomb = ZipWriter.archive([.stored("mimetype", Array("application/vnd.oasis.opendocument.text".utf8)),
                                      .deflated("content.xml", zeros, level: 9)])
        #expect(bomb.count < 1 << 20)
        guard case .failure(let error) = Self.read(bomb, "bomb.odt") else { Issue.record("bomb was read"); return }
        #expect("\(error)".contains("64 MiB"), "\(error)")
    }
}
