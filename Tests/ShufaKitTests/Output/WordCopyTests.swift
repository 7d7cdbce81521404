import Crypto
import Foundation
@testable import ShufaCatalog
@testable import ShufaChecks
import ShufaKit
@testable import ShufaODF
@testable import ShufaOutput
@testable import ShufaPrint
@testable import ShufaRoster
@testable import ShufaSystem
@testable import ShufaText
@testable import ShufaXML
import Testing


/// The sample roster built with Word copies (`--format fodt,docx`), once for the suites below.
enum WordBuild {
    static let fontConfig = Repo.root.appendingPathComponent("fonts/fonts.conf")

    /// The sample roster with QC020's texts taken out (as JSON in a new folder), so its draft holds every prompt.
    static let roster: URL = {
        let url = Repo.temporaryDirectory().appendingPathComponent("roster.json")
        try! JSONEncoder().encode(try! SampleBuild.blanked(["QC020"])).write(to: url)
        return url
    }()

    /// Builds the sample roster (QC020 without texts) as .fodt (kept when `keepSources`) and .docx into `directory`.
    static func build(
        keepSources: Bool = true, kinds: Set<DocumentKind> = Set(DocumentKind.allCases),
        into directory: URL = Repo.temporaryDirectory()
    ) throws -> SampleBuild.Built {
        var request = BuildRequest(roster: roster, templates: Repo.templates, output: directory, kinds: kinds)
        request.word = try WordOptions(fontConfig: fontConfig, keepSources: keepSources)
        return SampleBuild.Built(directory: directory, summary: try BatchBuilder(request).run())
    }

    static let shared: SampleBuild.Built = { try! build() }()

    static func documents(_ ext: String) -> [BuildSummary.Document] {
        shared.summary.documents.filter { $0.path.hasSuffix("." + ext) }
    }

    /// The .docx made from a built ODF document.
    static func copy(of document: BuildSummary.Document) -> BuildSummary.Document? {
        let stem = WordCopies.split(document.path).stem
        return shared.summary.documents.first { $0.path == stem + ".docx" }
    }

    static func url(_ document: BuildSummary.Document) -> URL { shared.directory.appendingPathComponent(document.path) }

    /// The draft of the sample leader QC020 (built without texts: every prompt is in it).
    static var draft: BuildSummary.Document {
        shared.summary.documents.first { $0.leader == "QC020" && $0.kind == .draft && $0.path.hasSuffix(".docx") }!
    }

    /// The package of a .docx.
    static func package(_ url: URL) throws -> WordPackage {
        try WordPackage(try Data(contentsOf: url), file: url.lastPathComponent)
    }

    static func xml(_ package: WordPackage, _ part: String) throws -> XMLDocument {
        try XMLDocument(bytes: try #require(package.part(part)), source: part)
    }

    static func sha256(_ url: URL) throws -> String {
        SHA256.hash(data: try Data(contentsOf: url)).map { String(format: "%02x", $0) }.joined()
    }
}

/// Lines of text on each page of a PDF, as pdftotext lays them out.
enum PDFLines {
    static func perPage(_ pdf: URL) throws -> [Int] {
        var pages = try Poppler.run("pdftotext", ["-layout", pdf.path, "-"]).components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages.map { page in page.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.count }
    }
}

@Suite("Word copies (--format docx)", .serialized)
struct WordCopyTests {
    @Test(
        "every document of every kind gets a .docx, listed after its ODF twin with its SHA-256; python-docx opens each"
    )
    func everyKind() throws {
        let built = WordBuild.shared
        let sources = WordBuild.documents("fodt")
        let copies = WordBuild.documents("docx")
        #expect(Set(copies.map(\.kind)) == [.draft, .report, .form, .ballot, .tasklist])
        #expect(copies.count == sources.count && copies.count > 80)
        for source in sources {
            let copy = try #require(WordBuild.copy(of: source), "\(source.path)")
            #expect(copy.leader == source.leader && copy.unit == source.unit && copy.kind == source.kind)
            #expect(copy.sha256 == (try WordBuild.sha256(WordBuild.url(copy))), "\(copy.path)")
            let index = try #require(built.summary.documents.firstIndex(of: source))
            #expect(built.summary.documents[index + 1] == copy)
        }
        let listed = try BuildListing.documents(in: built.directory)
        #expect(listed.filter { $0.path.hasSuffix(".docx") }.count == copies.count)

        let script = "import docx,sys\nfor f in sys.argv[1:]: print(len(docx.Document(f).paragraphs))"
        let counts = try Poppler.run("python3", ["-c", script] + copies.map { WordBuild.url($0).path })
            .split(separator: "\n").compactMap { Int($0) }
        #expect(counts.count == copies.count && counts.allSatisfy { $0 > 0 }, "\(counts)")
    }

    @Test("each .docx prints like its ODF twin in LibreOffice: the same pages, the same lines on every page")
    func layoutParity() throws {
        let office = try LibreOffice(fontConfig: WordBuild.fontConfig)
        let sources = WordBuild.documents("fodt")
        let copies = try sources.map { try #require(WordBuild.copy(of: $0)) }
        let directory = Repo.temporaryDirectory()
        let odfPDFs = try office.convert(
            sources.map(WordBuild.url), to: "pdf", into: directory.appendingPathComponent("odf"))
        let wordPDFs = try office.convert(
            copies.map(WordBuild.url), to: "pdf", into: directory.appendingPathComponent("docx"))
        for (source, (odf, word)) in zip(sources, zip(odfPDFs, wordPDFs)) {
            let (expected, found) = (try PDFLines.perPage(odf), try PDFLines.perPage(word))
            #expect(!expected.isEmpty && found == expected, "\(source.path): ODF \(expected), docx \(found)")
        }
    }

    @Test("--format docx alone writes only .docx, byte for byte those of --format fodt,docx: rebuilds are identical")
    func deterministic() throws {
        let alone = try WordBuild.build(keepSources: false, kinds: [.draft, .report, .form, .ballot, .tasklist])
        let expected = Dictionary(uniqueKeysWithValues: WordBuild.documents("docx").map { ($0.path, $0.sha256) })
        #expect(alone.summary.documents.allSatisfy { $0.path.hasSuffix(".docx") })
        #expect(Dictionary(uniqueKeysWithValues: alone.summary.documents.map { ($0.path, $0.sha256) }) == expected)
        let files = try FileManager.default.subpathsOfDirectory(atPath: alone.directory.path)
        #expect(!files.contains { $0.hasSuffix(".fodt") || $0.hasSuffix(".odt") }, "\(files)")
        #expect(alone.summary.checks.allSatisfy { $0.path.hasSuffix(".docx") })
        let package = try WordBuild.package(WordBuild.url(WordBuild.draft))
        let core = String(decoding: try #require(package.part("docProps/core.xml")), as: UTF8.self)
        #expect(!core.contains("dcterms:created") && !core.contains("dcterms:modified"))
        #expect(!package.parts.contains { String(decoding: $0.bytes, as: UTF8.self).contains("w:rsid") })
    }

    @Test("a prompt is a temporary content control showing its 【】 text as placeholder, in the 提示 style (楷体, dark blue)")
    func promptsAreContentControls() throws {
        let package = try WordBuild.package(WordBuild.url(WordBuild.draft))
        let styles = try WordBuild.xml(package, "word/styles.xml")
        let promptStyles = WordPromptControls.promptStyleIDs(styles)
        let style = try #require(
            styles.root?.elements.first { $0.attribute(WordML.main, "styleId") == promptStyles.first })
        #expect(promptStyles.count == 1 && style.attribute(WordML.main, "type") == "character")
        let properties = try #require(style.child(WordML.main, "rPr"))
        #expect(properties.child(WordML.main, "color").flatMap(WordML.value) == "1E4D9B")
        #expect(properties.child(WordML.main, "rFonts")?.attribute(WordML.main, "eastAsia") == "楷体_GB2312")

        let body = try WordBuild.xml(package, WordPackage.documentPart).root!
        let glossary = try WordBuild.xml(package, "word/glossary/document.xml").root!
        let placeholders = Set(
            glossary.descendants().filter { $0.is(WordML.main, "docPartPr") }
                .compactMap { $0.child(WordML.main, "name").flatMap(WordML.value) })
        let controls = body.descendants().filter { $0.is(WordML.main, "sdt") }
        for control in controls {
            let settings = try #require(control.child(WordML.main, "sdtPr"))
            #expect(
                settings.child(WordML.main, "showingPlcHdr") != nil && settings.child(WordML.main, "temporary") != nil)
            let name = settings.child(WordML.main, "placeholder")?.child(WordML.main, "docPart").flatMap(WordML.value)
            #expect(name.map(placeholders.contains) == true)
            let runs = try #require(control.child(WordML.main, "sdtContent")).elements
            #expect(runs.allSatisfy { WordML.runStyle($0).map(promptStyles.contains) == true })
            let text = runs.map(\.content).joined()
            #expect(text.hasPrefix("【") && text.hasSuffix("】"), "\(text)")
        }
        let loose = body.descendants().filter { run in
            run.is(WordML.main, "r") && WordML.runStyle(run).map(promptStyles.contains) == true
                && !run.ancestors.contains { $0.is(WordML.main, "sdt") }
        }
        #expect(loose.isEmpty)

        let source = try ODFParts.read(
            WordBuild.shared.directory.appendingPathComponent(
                WordCopies.split(WordBuild.draft.path).stem + ".fodt"))
        let odfPrompts = try ReportDocument(source, prompts: PromptTests.prompts).blocks.flatMap(\.prompts)
        #expect(controls.count == odfPrompts.count && controls.count >= 15)
        let read = try ReportDocument(
            try DocumentLoader.load([WordBuild.url(WordBuild.draft)])[0].parts.get(),
            prompts: PromptTests.prompts)
        #expect(read.blocks.flatMap(\.prompts) == odfPrompts)
        #expect(read.blocks.allSatisfy { $0.styledText.isEmpty })
    }

    @Test("GB/T 9704 punctuation: written as LibreOffice reads it back (its import inverts w:overflowPunct)")
    func punctuation() throws {
        let package = try WordBuild.package(WordBuild.url(WordBuild.draft))
        let styles = try WordBuild.xml(package, "word/styles.xml").root!
        let flags = styles.descendants().filter { $0.is(WordML.main, "overflowPunct") }.compactMap(WordML.value)
        #expect(!flags.isEmpty && flags.allSatisfy { $0 == "true" }, "\(flags)")
        let back = try DocumentLoader.load([WordBuild.url(WordBuild.draft)], fontConfig: WordBuild.fontConfig)[0].parts
            .get()
        let odfStyles = try back.parts.filter { $0.name.hasSuffix(".xml") }.flatMap { part in
            try XMLDocument(bytes: part.bytes, source: part.name).root?.descendants()
                .filter { $0.is(Namespace.style, "style") } ?? []
        }
        let wraps = odfStyles.compactMap { style in
            style.child(Namespace.style, "paragraph-properties")?.attribute(Namespace.style, "punctuation-wrap")
        }
        #expect(!wraps.isEmpty && wraps.allSatisfy { $0 == "simple" }, "\(wraps)")
    }

    @Test("saved again by LibreOffice, the draft's prompts keep their identity: every one still recognised")
    func savedByLibreOffice() throws {
        let office = try LibreOffice(fontConfig: WordBuild.fontConfig)
        let saved = try office.convert(
            [WordBuild.url(WordBuild.draft)], to: WordConverter.format,
            into: Repo.temporaryDirectory())[0]
        let prompts = { (url: URL) throws -> [String] in
            try ReportDocument(try DocumentLoader.load([url])[0].parts.get(), prompts: PromptTests.prompts).blocks
                .flatMap(\.prompts)
        }
        #expect(try prompts(saved) == prompts(WordBuild.url(WordBuild.draft)))
    }

    @Test(
        "a document that cannot be converted is named and kept (docx alone: its .fodt stays listed); the rest are made"
    )
    func oneBadDocument() throws {
        let directory = Repo.temporaryDirectory()
        let request = BuildRequest(roster: Repo.roster, templates: Repo.templates, output: directory, kinds: [.ballot])
        let summary = try BatchBuilder(request).run()
        let bad = summary.documents[1]
        let handle = try FileHandle(forWritingTo: directory.appendingPathComponent(bad.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("<!-- changed after the build -->".utf8))
        try handle.close()
        let roster = try RosterReader(catalog: Repo.catalog).read(Repo.roster)
        let options = try WordOptions(fontConfig: WordBuild.fontConfig, keepSources: false)
        let outcome = WordCopies(options: options).make(
            from: summary.documents, roster: roster,
            in: try OutputFolder(directory))
        #expect(outcome.copies.count == summary.documents.count - 1 && outcome.failedOthers == 1)
        let problem = try #require(outcome.problems.first)
        #expect(
            outcome.problems.count == 1 && problem.message.contains("SHA-256") && problem.message.contains(bad.path))
        #expect(outcome.failedLeaders.isEmpty)
        let written = outcome.apply(to: summary.documents.map { ($0, nil) }).map(\.document)
        #expect(written.filter { !$0.path.hasSuffix(".docx") } == [bad])
        for document in written {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(document.path).path))
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("ballot").path)
        #expect(files.filter { $0.hasSuffix(".fodt") } == [(bad.path as NSString).lastPathComponent])
    }

    @Test("a batch of .docx only is refused by print, saying to build ODF as well; a mixed batch prints its ODF")
    func printing() throws {
        let docx = WordBuild.documents("docx")
        #expect { try PrintBatch(PrintRequest(build: WordBuild.shared.directory, documents: docx)) } throws: { error in
            "\(error)".contains("只有 Word 文档") && "\(error)".contains("--format fodt,docx")
        }
        let items = PrintPlan.items(WordBuild.shared.summary.documents, build: WordBuild.shared.directory)
        #expect(
            items.count == WordBuild.documents("fodt").count && items.allSatisfy { $0.document.path.hasSuffix(".fodt") }
        )
        try BuildListing.checkPaths(WordBuild.shared.summary.documents, listedIn: "summary.json")
    }
}

/// A draft .docx filled as a leader fills it (with python-docx: `Fixtures/docx-fill.py`), read back by
/// `shufa extract` and built into the final report by `shufa build`, through the real executable.
@Suite("Word round trip: draft.docx → python-docx → extract → build", .serialized)
struct WordRoundTripTests {
    /// What the leader types (the fill script's input).
    struct Typed: Sendable, Encodable {
        var duty: [String]
        var law: String
        var problems: [String]
        var measures: [String]
        var indicator: String

        /// The paragraphs of the final report that are the leader's, in order.
        var paragraphs: [String] { duty + [law] + problems + measures }
    }

    static let typed = Typed(
        duty: [
            "本人全年主持镇政府全面工作，完成重点项目12个，新建农村公路18公里，全镇财政收入增长6.5%。",
            "推进“放管服”改革，企业开办时间压缩至1个工作日；A&B两村完成集体产权制度改革。",
        ],
        law: "本人认真履行推进法治建设第一责任人职责，把学习贯彻习近平法治思想列为镇党委会第一议题，全年组织集体学法3次，"
            + "带头讲法治课1次。制定年度履行推进法治建设第一责任人职责任务清单，召开法治政府建设专题会议1次、听取汇报2次。"
            + "严格执行《重大行政决策程序暂行条例》，聘请法律顾问参与重大事项合法性审查11件，全面推进政务公开。"
            + "推动严格规范公正文明执法，落实行政机关负责人出庭应诉制度，尊重并执行法院生效裁判。组织实施“八五”普法规划，"
            + "落实“谁执法谁普法”责任制，对上一年度法治督察反馈问题全部整改到位。",
        problems: ["运用法治思维解决基层矛盾的能力还需提高。"],
        measures: ["每季度组织一次集体学法。", "邀请法律顾问解读新出台的法律法规。"],
        indicator: "2")

    /// The draft filled by the fill script in `mode`.
    static func filled(_ mode: String) throws -> URL {
        let directory = Repo.temporaryDirectory()
        let texts = directory.appendingPathComponent("texts.json")
        try JSONEncoder().encode(Self.typed).write(to: texts)
        let target = directory.appendingPathComponent("filled-\(mode).docx")
        let script = Repo.fixtures.appendingPathComponent("docx-fill.py")
        _ = try Poppler.run(
            "python3", [script.path, WordBuild.url(WordBuild.draft).path, target.path, mode, texts.path])
        #expect(FileManager.default.fileExists(atPath: target.path), "docx-fill.py wrote nothing")
        return target
    }

    static func extract(_ file: URL) throws -> (run: ChildProcess, leader: [String: Any]) {
        let run = try ChildProcess.shufa(["extract", file.path, "--json"], timeout: 120)
        let json = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        let leader = try #require((json?["leaders"] as? [[String: Any]])?.first)
        return (run, leader)
    }

    @Test(
        "typed over Word's prompts, or over prompts that lost their control (still 提示 style): the leader's exact text",
        arguments: ["word", "styled"])
    func exactText(_ mode: String) throws {
        let filled = try Self.filled(mode)
        let (run, leader) = try Self.extract(filled)
        #expect(run.status == 0, "\(run.error)")
        #expect(leader["id"] as? String == "QC020")
        #expect(leader["duty"] as? [String] == Self.typed.duty)
        #expect(leader["law"] as? String == Self.typed.law)
        #expect(leader["problems"] as? [String] == Self.typed.problems)
        #expect(leader["measures"] as? [String] == Self.typed.measures)
        #expect((leader["indicators"] as? [String: Any])?["听取法治政府建设汇报次数"] as? Int == 2)

        let directory = Repo.temporaryDirectory()
        let roster = directory.appendingPathComponent("leader.json")
        try Data(run.output.utf8).write(to: roster)
        let build = try ChildProcess.shufa(
            ["build", roster.path, "--kinds", "report", "--out", directory.appendingPathComponent("out").path],
            timeout: 120)
        #expect(build.status == 0, "\(build.output)\(build.error)")
        let report = try #require(
            FileManager.default.enumerator(atPath: directory.appendingPathComponent("out/report").path)?
                .compactMap { $0 as? String }.first { $0.hasSuffix(".fodt") })
        let paragraphs = try Parsed.paragraphs(
            String(
                contentsOf: directory.appendingPathComponent("out/report/\(report)"),
                encoding: .utf8))
        let typed = Self.typed.paragraphs
        #expect(paragraphs.filter(typed.contains) == typed, "\(paragraphs)")
        #expect(!paragraphs.contains { $0.contains("【") || $0.contains("请概述") })
    }

    @Test("a prompt left in the returned .docx is a leftovers error naming it; the rest is extracted")
    func promptLeft() throws {
        let filled = try Self.filled("leave")
        let checker = ReportChecker(catalog: Repo.catalog, validator: nil, prompts: PromptTests.prompts)
        let checked = try checker.check(
            try DocumentLoader.load([filled])[0].parts.get(), path: filled.lastPathComponent)
        let left = checked.findings.filter { $0.rule == .leftovers && $0.severity == .error }
        #expect(left.count == 1 && left[0].message.contains("请列出存在的问题"), "\(checked.findings)")
        let (_, leader) = try Self.extract(filled)
        #expect(leader["problems"] as? [String] == [] && leader["law"] as? String == Self.typed.law)
    }

    @Test(
        "the filled draft saved as .wps (Word 97 format) reads as the .docx; a .wps that is not is refused in Chinese"
    )
    func wps() throws {
        let filled = try Self.filled("word")
        let office = try LibreOffice(fontConfig: WordBuild.fontConfig)
        let directory = Repo.temporaryDirectory()
        let doc = try office.convert([filled], to: "doc:MS Word 97", into: directory)[0]
        let wps = directory.appendingPathComponent("交回.wps")
        try FileManager.default.moveItem(at: doc, to: wps)
        let fromWPS = try Self.extract(wps)
        #expect(fromWPS.run.status == 0, "\(fromWPS.run.error)")
        #expect(fromWPS.run.output == (try Self.extract(filled)).run.output)

        let broken = directory.appendingPathComponent("损坏.wps")
        try Data("这不是一个 WPS 文档".utf8).write(to: broken)
        let refused = try ChildProcess.shufa(["check", broken.path], timeout: 60)
        Bounds.expect(refused, status: 2, naming: broken.path)
        #expect(refused.error.contains("不是 Word 或 WPS 文档"), "\(refused.error)")
    }

    @Test(
        "without LibreOffice, --format docx is refused in Chinese, nothing written; check says what is missing"
    )
    func noLibreOffice() throws {
        let output = Repo.temporaryDirectory().appendingPathComponent("out")
        let run = try ChildProcess.shufa(
            ["build", "--format", "odt,docx", "--out", output.path],
            environment: ["PATH": "/nonexistent"])
        #expect(run.status == 2 && run.error.contains("需要 LibreOffice") && run.error.contains("docx"), "\(run.error)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let check = try ChildProcess.shufa(
            ["check", WordBuild.url(WordBuild.draft).path], environment: ["PATH": "/nonexistent"])
        #expect(check.status == 2 && check.error.contains("需要 LibreOffice"), "\(check.error)")
    }

    @Test("--format: both stays fodt and odt; odt,docx writes both; an unknown format is named in Chinese")
    func formatList() throws {
        let directory = Repo.temporaryDirectory()
        for (format, extensions) in [("both", ["fodt", "odt"]), ("odt,docx", ["docx", "odt"])] {
            let output = directory.appendingPathComponent(format)
            let run = try ChildProcess.shufa(
                ["build", "--kinds", "form", "--format", format, "--no-check", "--out", output.path],
                timeout: 120)
            #expect(run.status == 0, "\(run.error)")
            let files = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("form").path)
            #expect(Set(files.map { ($0 as NSString).pathExtension }) == Set(extensions), "\(format): \(files)")
        }
        let wrong = try ChildProcess.shufa([
            "build", "--format", "pdf,docx", "--out", directory.appendingPathComponent("x").path,
        ])
        #expect(wrong.status != 0 && wrong.error.contains("未知的格式「pdf」"), "\(wrong.error)")
    }
}
