import Foundation
import ShufaKit
import ShufaODF
import ShufaXML
import Testing

/// Prompts (提示) recognised by their style, their field and their words, in every format.
@Suite("Prompts in returned drafts")
struct PromptTests {
    static let prompts = PromptTexts(catalog: Repo.catalog, templates: Repo.templates)

    /// The paragraphs of a Flat ODF body read with the catalog's and templates' prompts.
    static func read(_ body: String) throws -> [ReportDocument.Block] {
        let style = #"<style:style style:name="Prompt" style:display-name="提示" style:family="text"/>"#
        let automatic = "<office:automatic-styles>"
        let xml = String(decoding: FlatODF.document(body), as: UTF8.self)
            .replacingOccurrences(of: automatic, with: "<office:styles>" + style + "</office:styles>" + automatic)
        return try ReportDocument(try ODFParts.read(Data(xml.utf8), file: "t.fodt"), prompts: prompts).blocks
    }

    @Test("a 【】 segment is a prompt when styled, when it starts with 请, or when it is a known prompt; else it is text")
    func brackets() throws {
        let blocks = try Self.read("""
            <text:p>【请概述本年度履行岗位职责、完成重点工作情况】</text:p>\
            <text:p><text:span text:style-name="Prompt">【本年度学法次数】</text:span>全年4次。</text:p>\
            <text:p>【典型案例】本人带头办理行政复议案件。</text:p>\
            <text:p>请各位领导批评指正。</text:p>
            """)
        #expect(blocks[0].text.isEmpty && blocks[0].prompts == ["请概述本年度履行岗位职责、完成重点工作情况"])
        #expect(blocks[1].text == "全年4次。" && blocks[1].prompts == ["本年度学法次数"])
        #expect(blocks[2].text == "【典型案例】本人带头办理行政复议案件。" && blocks[2].prompts.isEmpty)
        #expect(blocks[3].text == "请各位领导批评指正。" && blocks[3].prompts.isEmpty)
    }

    @Test("text typed over a prompt keeps the prompt style: it stays the leader's text, flagged")
    func styledText() throws {
        let blocks = try Self.read("<text:p><text:span text:style-name=\"Prompt\">本人全年完成重点项目十个。</text:span></text:p>")
        #expect(blocks[0].text == "本人全年完成重点项目十个。")
        #expect(blocks[0].styledText == ["本人全年完成重点项目十个。"] && blocks[0].prompts.isEmpty)
    }

    @Test("fields: a placeholder, a Word content control showing its prompt, an input field holding a known prompt")
    func fields() throws {
        let point = try #require(Repo.catalog.role(named: "政府工作部门主要负责人")?.points.first)
        let blocks = try Self.read("""
            <text:p><text:placeholder text:placeholder-type="text">&lt;请列出存在的问题&gt;</text:placeholder></text:p>\
            <text:p><loext:content-control loext:showing-place-holder="true">单击此处输入文字</loext:content-control></text:p>\
            <text:p><text:text-input text:description="">1. \(point.title)：\(point.text)</text:text-input></text:p>\
            <text:p><text:text-input text:description="">本人全年学法四次。</text:text-input></text:p>\
            <text:p>3. 制定职责任务清单：制定年度履行推进法治建设第一责任人职责任务清单。</text:p>
            """)
        #expect(blocks[0].prompts == ["请列出存在的问题"] && blocks[0].text.isEmpty)
        #expect(blocks[1].prompts == ["单击此处输入文字"] && blocks[1].text.isEmpty)
        #expect(blocks[2].prompts.count == 1 && blocks[2].text.isEmpty)
        #expect(blocks[3].text == "本人全年学法四次。" && blocks[3].prompts.isEmpty)
        #expect(blocks[4].text.isEmpty && blocks[4].prompts.count == 1)
    }

    @Test("a blank draft saved as .docx (prompts as Word content controls): every prompt a leftover, the 述法 one item")
    func wordBlank() throws {
        let checked = try RoundTrip.check("word-blank.docx")
        let role = try #require(Repo.catalog.role(named: "乡镇政府主要负责人"))
        let prompts = checked.findings.filter { $0.rule == .leftovers && $0.severity == .error }
        #expect(prompts.count >= role.points.count + 4, "\(prompts.count)")
        #expect(checked.form == .combined && checked.lawPart == .separate)
        #expect(!checked.findings.contains { $0.rule == .separateItem }, "\(checked.findings)")
        let extraction = try RoundTrip.extract("word-blank.docx")
        let leader = try #require(extraction.roster.leaders.first)
        #expect(leader.duty.isEmpty && leader.law.isEmpty && leader.problems.isEmpty && leader.measures.isEmpty)
        #expect(extraction.hasErrors)
    }
}

/// Drafts filled in LibreOffice and in Word, read back and built into final reports
/// (`scripts/make-round-trip-fixtures.py` makes them from the sample roster's drafts).
enum RoundTrip {
    static func url(_ name: String) -> URL { Returned.directory.appendingPathComponent(name) }

    static func parts(_ name: String) throws -> ODFParts { try DocumentLoader.load([url(name)])[0].parts.get() }

    static func check(_ name: String) throws -> CheckedDocument {
        let checker = ReportChecker(catalog: Repo.catalog, validator: nil, prompts: PromptTests.prompts)
        return try checker.check(try parts(name), path: name)
    }

    static func extract(_ name: String) throws -> ReportExtractor.Extraction {
        let extractor = ReportExtractor(catalog: Repo.catalog, prompts: PromptTests.prompts)
        return extractor.extract(try extractor.document(try parts(name)), file: name)
    }

    /// Builds the final reports of an extracted roster (as `shufa build leader.json --kinds report`).
    static func build(_ roster: Roster) throws -> (summary: BuildSummary, directory: URL) {
        let directory = Repo.temporaryDirectory()
        let file = directory.appendingPathComponent("leader.json")
        try JSONEncoder().encode(roster).write(to: file)
        let output = directory.appendingPathComponent("out")
        let request = BuildRequest(roster: file, templates: Repo.templates, output: output, kinds: [.report],
                                   validator: Repo.validator)
        return (try BatchBuilder(request).run(), output)
    }

    /// The prompt texts a blank draft carries: its placeholders' words.
    static let draftPrompts: [String] = {
        let document = try! ReportDocument(try! ODFParts.read(url("draft-blank.odt")), prompts: nil)
        return document.blocks.flatMap(\.prompts).map { String($0.prefix(12)) }
    }()

    static let typedLaw = ("本人认真履行推进法治建设第一责任人职责", "对上一年度法治督察反馈问题全部整改到位。")
}

@Suite("Round trip: draft → leader edits → extract → build")
struct RoundTripTests {
    @Test("filled in LibreOffice (.odt), in Word (.docx), or over 提示-style prompts: the leader's text, never a prompt",
          arguments: ["typed.odt", "word-typed.docx", "prompt-style.fodt", "prompt-style.odt", "prompt-style.docx"])
    func filled(_ name: String) throws {
        let extraction = try RoundTrip.extract(name)
        #expect(!extraction.hasErrors, "\(extraction.issues)")
        let leader = try #require(extraction.roster.leaders.first)
        #expect(leader.id == "QC020" && leader.duty.count == 1 && leader.duty[0].hasPrefix("本人全年主持镇政府全面工作"))
        let (start, end) = RoundTrip.typedLaw
        #expect(leader.law.hasPrefix(start) && leader.law.hasSuffix(end), "\(leader.law)")
        #expect(leader.measures == ["每季度组织一次集体学法，邀请法律顾问解读新出台的法律法规。"])
        let all = ([leader.law] + leader.duty + leader.problems + leader.measures).joined()
        for prompt in RoundTrip.draftPrompts { #expect(!all.contains(prompt), "\(name): \(prompt)") }

        let (summary, directory) = try RoundTrip.build(extraction.roster)
        let report = try #require(summary.documents.first { $0.kind == .report })
        let xml = try String(contentsOf: directory.appendingPathComponent(report.path), encoding: .utf8)
        let paragraphs = try Parsed.paragraphs(xml)
        #expect(paragraphs.contains { $0.hasPrefix(RoundTrip.typedLaw.0) })
        for prompt in RoundTrip.draftPrompts + ["【"] {
            #expect(!paragraphs.contains { $0.contains(prompt) }, "\(name): \(prompt)")
        }
        #expect(Returned.errors(try RoundTrip.check(name)).allSatisfy { $0.rule == .leftovers })
    }

    @Test("a draft whose 述法 heading was deleted: extract names it and fails; build names the leader, makes no report",
          arguments: ["typed-lost-law.odt", "word-typed-lost-law.docx"])
    func lostHeading(_ name: String) throws {
        let extraction = try RoundTrip.extract(name)
        #expect(extraction.hasErrors)
        let issue = try #require(extraction.issues.first { if case .noLawPart = $0 { true } else { false } })
        #expect(issue.description.hasPrefix(name) && issue.description.contains("看来是述法内容"), "\(issue)")
        #expect(extraction.roster.leaders[0].law.isEmpty)
        #expect(Returned.errors(try RoundTrip.check(name)).contains { $0.message.hasPrefix("缺少述法部分") })

        let (summary, _) = try RoundTrip.build(extraction.roster)
        #expect(!summary.documents.contains { $0.kind == .report })
        let problem = try #require(summary.problems.first { $0.leader == "QC020" })
        #expect(problem.severity == .error && problem.message.hasPrefix("述法内容为空，未生成述职述法报告"))
        #expect(summary.skippedLeaders == 1)
    }

    @Test("a draft whose 述法 heading was demoted under 「一、」: check says sub-item; extract takes the 述法, warning")
    func demoted() throws {
        let errors = Returned.errors(try RoundTrip.check("typed-demoted-law.odt"))
        #expect(errors.contains { $0.rule == .separateItem && $0.message.contains("「一、履行岗位职责情况」的子项") }, "\(errors)")
        let extraction = try RoundTrip.extract("typed-demoted-law.odt")
        #expect(!extraction.hasErrors && extraction.issues.count == 1, "\(extraction.issues)")
        let leader = try #require(extraction.roster.leaders.first)
        #expect(leader.law.hasPrefix(RoundTrip.typedLaw.0) && leader.duty.count == 1)
    }

    @Test("48 学时 against a minimum of 60: the draft warns, and so does the final report built from its extracted data")
    func minimums() throws {
        let draft = try RoundTrip.check("minimum-draft.odt")
        #expect(draft.findings.contains { $0.rule == .minimums && $0.message.contains("48学时，低于最低要求 60学时") })
        let extraction = try RoundTrip.extract("minimum-draft.odt")
        #expect(extraction.roster.leaders[0].indicators["执法人员法治培训学时"] == 48)
        let (summary, _) = try RoundTrip.build(extraction.roster)
        #expect(summary.documents.contains { $0.kind == .report })
        let checks = summary.checks.flatMap(\.findings)
        #expect(checks.contains { $0.rule == .minimums && $0.message.contains("48学时，低于最低要求 60学时") }, "\(checks)")
    }
}
