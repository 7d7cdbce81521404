import Foundation
@testable import ShufaCatalog
import ShufaKit
@testable import ShufaODF
@testable import ShufaOutput
@testable import ShufaPrint
@testable import ShufaRoster
@testable import ShufaSystem
@testable import ShufaText
@testable import ShufaXML
import Testing

/// Batches printed once for the whole suite (LibreOffice is slow to start; each run converts everything).
enum Printed {
    struct Run: Sendable {
        var build: URL
        var output: URL
        var summary: PrintSummary

        func url(_ path: String) -> URL { output.appendingPathComponent(path) }
        func documents(_ kind: DocumentKind) -> [PrintSummary.Document] { summary.documents.filter { $0.kind == kind } }
        func combined(_ kind: DocumentKind) throws -> PrintSummary.Combined {
            try #require(summary.combined.first { $0.kind == kind })
        }
    }

    static let fontConfig = Repo.root.appendingPathComponent("fonts/fonts.conf")

    static func print(_ build: URL, documents: [BuildSummary.Document]? = nil, copies: Int = 1, duplex: Bool = false,
                      pdfa: Bool = false) throws -> Run {
        let options = PrintOptions(copies: copies, duplex: duplex, pdfa: pdfa, fontConfig: fontConfig)
        let output = Repo.temporaryDirectory().appendingPathComponent("pdf")
        let summary = try PrintBatch(PrintRequest(build: build, output: output, documents: documents, options: options))
            .run()
        return Run(build: build, output: output, summary: summary)
    }

    /// The sample roster's build, printed as it is.
    static let sample: Run = { try! print(SampleBuild.shared.directory) }()
    /// The sample roster's build, printed for the archive: PDF/A-2b.
    static let archive: Run = { try! print(SampleBuild.shared.directory, pdfa: true) }()
    /// The sample roster's build, printed for a meeting on a two-sided printer: 3 copies of forms and ballots.
    static let meeting: Run = { try! print(SampleBuild.shared.directory, copies: 3, duplex: true) }()
    /// A made-up roster: a unit of 15 leaders of every role, one of 20, and a leader with a very long report.
    static let synthetic: Run = {
        let directory = Repo.temporaryDirectory()
        let roster = directory.appendingPathComponent("roster.json")
        try! Synthetic.roster().write(to: roster)
        let request = BuildRequest(
            roster: roster, templates: Repo.templates, output: directory.appendingPathComponent("built"),
            kinds: [.report, .form, .ballot])
        _ = try! BatchBuilder(request).run()
        return try! print(request.output)
    }()

    /// The text of each page of a PDF (pdftotext's pages, split at form feeds).
    static func pageTexts(_ pdf: URL, layout: Bool = false) throws -> [String] {
        let text = try Poppler.run("pdftotext", (layout ? ["-layout"] : []) + [pdf.path, "-"])
        return Array(text.components(separatedBy: "\u{0C}").dropLast())
    }

    /// Text without any white space, for matching across line breaks and pdftotext's spacing.
    static func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace } }

    /// A PDF's text without white space and without its page numbers 「— N —」, so a paragraph that runs
    /// over a page break reads as one.
    static func bodyText(_ pdf: URL) throws -> String {
        try pageTexts(pdf).enumerated().map { squeezed($1).replacingOccurrences(of: "—\($0 + 1)—", with: "") }.joined()
    }
}

/// The synthetic roster of the layout tests.
enum Synthetic {
    static let longText = String(repeating: "推进法治建设", count: 200)

    static func roster() throws -> Data {
        let sample = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Repo.roster)) as? [String: Any])
        let leaders = try #require(sample["leaders"] as? [[String: Any]])
        let positions = leaders.compactMap { $0["position"] as? String }.sorted { $0.count > $1.count }
        let roles = Repo.catalog.roles.map(\.name)
        func leader(_ id: String, _ name: String, unit: String, index: Int) -> [String: Any] {
            var record = leaders[0]
            record["id"] = id
            record["name"] = name
            record["unit"] = unit
            record["role"] = roles[index % roles.count]
            record["position"] = positions[index % positions.count]
            return record
        }
        var records = (0..<15).map { leader(String(format: "A%02d", $0), "甲某\($0)", unit: "十五人单位", index: $0) }
        records += (0..<20).map { leader(String(format: "B%02d", $0), "乙某\($0)", unit: "二十人单位", index: $0) }
        var long = leader("C01", "龙文长", unit: "长文单位", index: 0)
        long["duty"] = [longText]
        records.append(long)
        var roster = sample
        roster["leaders"] = records
        return try JSONSerialization.data(withJSONObject: roster)
    }
}

@Suite("Printing: PDFs through LibreOffice", .serialized)
struct PrintTests {
    @Test("every built document gets a PDF whose page count is the one print.json gives")
    func everyDocumentHasAPDF() throws {
        let run = Printed.sample
        let built = Set(SampleBuild.shared.summary.documents.map { ($0.path as NSString).deletingPathExtension })
        #expect(Set(run.summary.documents.map { ($0.source as NSString).deletingPathExtension }) == built)
        #expect(run.summary.failures.isEmpty)
        for document in run.summary.documents {
            #expect(document.source.hasSuffix(".fodt"), "the Flat XML file is printed when both were built")
            #expect(try Poppler.pages(run.url(document.path)) == document.pages, "\(document.path)")
            if document.kind == .form || document.kind == .ballot { #expect(document.pages == 1, "\(document.path)") }
        }
        let json = try Data(contentsOf: run.url("print.json"))
        #expect(try JSONDecoder().decode(PrintSummary.self, from: json) == run.summary)
    }

    @Test("pdftotext shows the leader's name, the 述法 heading and page numbers 「— 1 —」")
    func textAndPageNumbers() throws {
        let run = Printed.sample
        let leaders = try RosterReader(catalog: Repo.catalog).read(Repo.roster).leaders
        for document in run.summary.documents where document.kind != .ballot {
            let pages = try Printed.pageTexts(run.url(document.path)).map(Printed.squeezed)
            let leader = try #require(leaders.first { $0.id == document.leader })
            #expect(pages.joined().contains(leader.name), "\(document.path)")
            guard document.kind == .report || document.kind == .draft || document.kind == .tasklist else { continue }
            for (index, page) in pages.enumerated() {
                #expect(page.contains("—\(index + 1)—"), "\(document.path) page \(index + 1)")
            }
            if document.kind != .tasklist { #expect(pages.joined().contains("履行推进法治建设第一责任人职责情况"), "\(document.path)") }
        }
    }

    @Test("every font is embedded, in every PDF and every combined file")
    func fontsEmbedded() throws {
        let run = Printed.sample
        let files = run.summary.combined.map(\.path) + run.summary.documents.map(\.path)
        for path in files {
            let lines = try Poppler.run("pdffonts", [run.url(path).path]).split(separator: "\n").dropFirst(2)
            #expect(!lines.isEmpty, "\(path) uses no font?")
            for line in lines {
                let columns = line.split(separator: " ")
                #expect(columns.count >= 5 && columns[columns.count - 5] == "yes", "\(path): \(line)")
            }
        }
    }

    @Test("a combined file holds the pages of its documents in order: by unit (roster order), then leader")
    func combinedInOrder() throws {
        let run = Printed.sample
        let leaders = try RosterReader(catalog: Repo.catalog).read(Repo.roster).leaders
        var units: [String] = []
        for leader in leaders where !units.contains(leader.unit) { units.append(leader.unit) }
        for combined in run.summary.combined {
            let documents = run.documents(combined.kind)
            let order = documents.map { document in
                (units.firstIndex(of: document.unit) ?? -1, leaders.firstIndex { $0.id == document.leader } ?? -1)
            }
            #expect(order.map(\.0) == order.map(\.0).sorted(), "\(combined.kind): units out of order")
            #expect(zip(order, order.dropFirst()).allSatisfy { $0 < $1 }, "\(combined.kind): leaders out of order")
            let expected = try documents.flatMap { try Printed.pageTexts(run.url($0.path)) }
            #expect(try Printed.pageTexts(run.url(combined.path)) == expected, "\(combined.path)")
            #expect(combined.pages == expected.count && combined.documents == documents.count)
        }
    }

    @Test("PDF/A output identifies itself as PDF/A-2b, per document and combined, with its own title")
    func pdfa() throws {
        let run = Printed.archive
        #expect(run.summary.pdfa)
        let files = run.summary.combined.map(\.path) + run.summary.documents.map(\.path)
        for path in files {
            let metadata = try Poppler.run("pdfinfo", ["-meta", run.url(path).path])
            #expect(metadata.contains("<pdfaid:part>2</pdfaid:part>"), "\(path)")
            #expect(metadata.contains("<pdfaid:conformance>B</pdfaid:conformance>"), "\(path)")
            let info = try Poppler.run("pdfinfo", [run.url(path).path])
            let title = try #require(info.split(separator: "\n").first { $0.hasPrefix("Title:") }).dropFirst(6)
                .trimmingCharacters(in: .whitespaces)
            #expect(
                metadata.contains("<rdf:li xml:lang=\"x-default\">\(title)</rdf:li>"),
                "\(path): XMP and Info titles differ")
        }
        let form = try #require(run.documents(.form).first)
        #expect(try Poppler.run("pdfinfo", [run.url(form.path).path]).contains("考核评议表"))
    }

    @Test("--copies N puts N copies of every form and ballot in the combined file, and one of the others")
    func copies() throws {
        let run = Printed.meeting
        for kind in [DocumentKind.form, .ballot] {
            let combined = try run.combined(kind)
            #expect(combined.copies == 3)
            let single = try Printed.pageTexts(run.url(run.documents(kind)[0].path))
            let pages = try Printed.pageTexts(run.url(combined.path))
            #expect(
                pages.count == run.documents(kind).count * 3 * 2,
                "\(kind): 3 copies of one page, each with its blank back")
            #expect(pages[0] == single[0] && pages[2] == single[0] && pages[4] == single[0] && pages[6] != single[0])
        }
        #expect(try run.combined(.report).copies == 1)
    }

    @Test("--duplex makes every document (and every copy) start on an odd page: blank pages fill the backs")
    func duplex() throws {
        let run = Printed.meeting
        for combined in run.summary.combined {
            let pages = try Printed.pageTexts(run.url(combined.path))
            var position = 0
            for document in run.documents(combined.kind) {
                for _ in 0..<combined.copies {
                    #expect(position % 2 == 0, "\(document.path) starts on page \(position + 1)")
                    position += document.pages
                    if document.pages % 2 == 1 {
                        #expect(Printed.squeezed(pages[position]).isEmpty, "the page after \(document.path) is blank")
                        position += 1
                    }
                }
            }
            #expect(position == pages.count && pages.count % 2 == 0, "\(combined.path)")
        }
    }

    @Test("考核评议表 and 民主测评表 fit on one page for every role and up to 15 leaders; 20 flow on with the header repeated")
    func formsAndBallotsFit() throws {
        let run = Printed.synthetic
        #expect(run.summary.failures.isEmpty)
        let forms = run.documents(.form)
        #expect(Set(forms.compactMap(\.leader)).count == 36)
        for form in forms { #expect(form.pages == 1, "\(form.path)") }
        let fifteen = try #require(run.documents(.ballot).first { $0.unit == "十五人单位" })
        #expect(fifteen.pages == 1)
        let twenty = try #require(run.documents(.ballot).first { $0.unit == "二十人单位" })
        #expect(twenty.pages == 2)
        let pages = try Printed.pageTexts(run.url(twenty.path)).map(Printed.squeezed)
        for header in ["序号", "姓名", "职务", "优秀", "较差"] {
            #expect(pages[1].contains(header), "header row repeated: \(header)")
        }
        #expect(pages[1].contains("乙某19"))
        for info in [fifteen, twenty] {
            let size = try Poppler.run("pdfinfo", [run.url(info.path).path])
            #expect(size.contains("595.") && size.contains("841."), "A4")
        }
    }

    @Test("a full page of report body text has 22 lines of 28 characters (GB/T 9704)")
    func twentyTwoLinesOfTwentyEight() throws {
        let run = Printed.synthetic
        let report = try #require(run.documents(.report).first { $0.leader == "C01" })
        #expect(report.pages >= 3)
        let lines = try BoundingBoxes.lines(run.url(report.path), page: 2)
        let body = lines.filter { !$0.contains("—") }
        #expect(body.count == 22, "\(body.count) lines: \(body)")
        for line in body { #expect(line.count == 28, "\(line.count) characters: \(line)") }
        #expect(lines.contains { Printed.squeezed($0) == "—2—" })
    }

    @Test("page numbers sit at the bottom, on the outer side: right on odd pages, left on even ones, in every report")
    func pageNumbersOnTheOuterSide() throws {
        let run = Printed.synthetic
        for report in run.documents(.report) {
            for page in 1...report.pages {
                let footer = try #require(try BoundingBoxes.boxes(run.url(report.path), page: page).last)
                #expect(Printed.squeezed(footer.text) == "—\(page)—", "\(report.path) page \(page)")
                #expect(footer.y > 740, "\(report.path) page \(page): at the bottom")
                #expect(page % 2 == 1 ? footer.x > 400 : footer.x < 150, "\(report.path) page \(page): x = \(footer.x)")
            }
        }
    }

    @Test("a document cut in half is not what the build wrote: reported, not converted; the others are printed")
    func brokenDocument() throws {
        let built = SampleBuild.shared
        let forms = Array(SampleBuild.documents(.form).prefix(3))
        let directory = Repo.temporaryDirectory()
        var documents: [BuildSummary.Document] = []
        for (index, form) in forms.enumerated() {
            var bytes = try Data(contentsOf: built.directory.appendingPathComponent(form.path))
            if index == 1 { bytes = bytes.prefix(bytes.count / 2) }
            try OutputFiles.writeAtomically(Array(bytes), to: directory.appendingPathComponent(form.path))
            documents.append(form)
        }
        let run = try Printed.print(directory, documents: documents)
        #expect(run.summary.failures.map(\.source) == [forms[1].path])
        #expect(run.summary.failures.first?.message.contains("SHA-256 不一致") == true)
        #expect(run.summary.documents.map(\.source) == [forms[0].path, forms[2].path])
        #expect(try run.combined(.form).pages == 2)
    }

    @Test("a LibreOffice run that does not finish in time is stopped, retried alone, then reported")
    func timeout() throws {
        let forms = Array(SampleBuild.documents(.form).prefix(2))
        let options = PrintOptions(fontConfig: Printed.fontConfig, baseTimeout: 0.2, secondsPerDocument: 0)
        let output = Repo.temporaryDirectory()
        let start = Date()
        let summary = try PrintBatch(
            PrintRequest(build: SampleBuild.shared.directory, output: output, documents: forms, options: options)
        ).run()
        #expect(summary.documents.isEmpty && summary.combined.isEmpty)
        #expect(summary.failures.map(\.source) == forms.map(\.path))
        #expect(summary.failures.allSatisfy { $0.message.hasPrefix("LibreOffice 在 0.2 秒内没有完成") })
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test("documents of one template are combined into one valid ODF file, each starting on a new page numbered 1")
    func combinedODFIsValid() throws {
        let reports = SampleBuild.documents(.report).prefix(3).map {
            SampleBuild.shared.directory.appendingPathComponent($0.path)
        }
        let documents = try reports.map { url in
            let tree = try XMLDocument(bytes: Array(try Data(contentsOf: url)), source: url.lastPathComponent)
            return try #require(CombinableDocument(tree))
        }
        #expect(Set(documents.map(\.head)).count == 1)
        let bytes = ODFCombiner.combine(documents, title: "合订")
        let parts = try ODFParts.read(Data(bytes), file: "combined.fodt")
        #expect(Repo.validator.validate(parts).isEmpty)
        let text = String(decoding: bytes, as: UTF8.self)
        for index in 0..<3 { #expect(text.contains(ODFCombiner.bookmark(index))) }
        #expect(text.contains("style:page-number=\"1\"") && text.contains("style:master-page-name=\"Standard\""))
    }

    @Test("every roster paragraph of every report is in its PDF's text, not a character lost")
    func reportsLoseNothing() throws {
        let run = Printed.sample
        let leaders = try RosterReader(catalog: Repo.catalog).read(Repo.roster).leaders
        var checked = 0
        for document in run.documents(.report) {
            let leader = try #require(leaders.first { $0.id == document.leader })
            let text = try Printed.bodyText(run.url(document.path))
            for paragraph in leader.duty + [leader.law] + leader.problems + leader.measures {
                #expect(text.contains(Printed.squeezed(paragraph)), "\(document.path): \(paragraph.prefix(16))…")
                checked += 1
            }
        }
        #expect(checked > 80)
    }

    @Test("every prompt of every draft prints: its text is in the draft's PDF")
    func draftPromptsPrint() throws {
        let run = Printed.sample
        var checked = 0
        for document in run.documents(.draft) {
            let xml = try XMLDocument(
                bytes: Array(Data(contentsOf: run.build.appendingPathComponent(document.source))),
                source: document.source)
            let prompts = xml.root!.descendants().filter {
                $0.is(Namespace.text, "span") && $0.attribute(Namespace.text, "style-name") == "Prompt"
            }.map(\.content)
            #expect(!prompts.isEmpty, "\(document.source)")
            let text = try Printed.bodyText(run.url(document.path))
            for prompt in prompts {
                #expect(text.contains(Printed.squeezed(prompt)), "\(document.path): \(prompt.prefix(20))…")
                checked += 1
            }
        }
        #expect(checked >= run.documents(.draft).count)
    }

    @Test("no page of a draft, report or task list is blank but for its page number")
    func noEmptyPages() throws {
        let run = Printed.sample
        for document in run.summary.documents where document.kind != .form && document.kind != .ballot {
            for (index, page) in try Printed.pageTexts(run.url(document.path)).enumerated() {
                let rest = Printed.squeezed(page).replacingOccurrences(of: "—\(index + 1)—", with: "")
                #expect(!rest.isEmpty, "\(document.path) page \(index + 1)")
            }
        }
    }

    @Test("no glyph of any PDF passes the 26 mm right margin (punctuation does not hang)")
    func nothingInTheRightMargin() throws {
        let run = Printed.sample
        let limit = (210.0 - 26) / 25.4 * 72 + 0.5
        for document in run.summary.documents {
            let xml = try Poppler.run("pdftotext", ["-bbox", run.url(document.path).path, "-"])
            for match in xml.matches(of: /xMax="([0-9.]+)"[^>]*>([^<]*)<\/word>/) {
                #expect((Double(match.1) ?? 0) <= limit, "\(document.path): 「\(match.2)」 ends at \(match.1) pt")
            }
        }
    }

    @Test("the body prints in a 仿宋 face and the title in a bold or heavy face; print.json names the faces replaced")
    func faces() throws {
        let run = Printed.sample
        for document in run.documents(.report) {
            let fonts = try Poppler.run("pdffonts", [run.url(document.path).path]).split(separator: "\n").dropFirst(2)
                .map { String($0.split(separator: " ").first ?? "") }
            #expect(fonts.contains { $0.contains("Fang") || $0.contains("仿宋") }, "\(document.path): \(fonts)")
            #expect(fonts.contains { $0.contains("Bold") || $0.contains("XiaoBiaoSong") || $0.contains("XBS") },
                    "\(document.path): \(fonts)")
        }
        let used = Dictionary(uniqueKeysWithValues: run.summary.fonts.map { ($0.official, $0.used) })
        #expect(Set(used.keys).isSubset(of: ["方正小标宋简体", "仿宋_GB2312", "楷体_GB2312", "黑体", "宋体"]))
        if let title = used["方正小标宋简体"] { #expect(title.contains("Bold")) }
        if let body = used["仿宋_GB2312"] { #expect(body.contains("Fang")) }
    }

    @Test("page numbers: 「— N —」 with their top 7 ± 2 mm below the text area (GB/T 9704 7.5)")
    func pageNumberBelowTheTextArea() throws {
        let run = Printed.sample
        let textBottom = (37.0 + 225) / 25.4 * 72
        for document in run.documents(.report) + run.documents(.draft) + run.documents(.tasklist) {
            for page in 1...document.pages {
                let footer = try #require(try BoundingBoxes.boxes(run.url(document.path), page: page).last)
                #expect(Printed.squeezed(footer.text) == "—\(page)—", "\(document.path) page \(page)")
                let gap = (footer.y - textBottom) / 72 * 25.4
                #expect(abs(gap - 7) <= 2, "\(document.path) page \(page): \(gap) mm")
            }
        }
    }

    @Test("two-sided printing is the default")
    func duplexByDefault() {
        #expect(PrintOptions().duplex)
        #expect(!PrintOptions(duplex: false).duplex)
    }

    @Test("printing a folder without summary.json says to build first")
    func noBuild() throws {
        let folder = Repo.temporaryDirectory()
        #expect { try PrintBatch(PrintRequest(build: folder)) } throws: { error in
            "\(error)".contains("shufa build")
        }
    }
}

/// Lines of a PDF page from `pdftotext -bbox`: words grouped by their top edge, top to bottom.
enum BoundingBoxes {
    struct Line { var x: Double; var y: Double; var text: String }

    static func lines(_ pdf: URL, page: Int) throws -> [String] { try boxes(pdf, page: page).map(\.text) }

    static func boxes(_ pdf: URL, page: Int) throws -> [Line] {
        let xml = try Poppler.run("pdftotext", ["-bbox", "-f", "\(page)", "-l", "\(page)", pdf.path, "-"])
        var lines: [Line] = []
        for match in xml.matches(of: /<word xMin="([0-9.]+)" yMin="([0-9.]+)"[^>]*>([^<]*)<\/word>/) {
            let x = Double(match.1) ?? 0, y = Double(match.2) ?? 0
            if let index = lines.firstIndex(where: { abs($0.y - y) < 2 }) {
                lines[index].text += String(match.3)
                lines[index].x = min(lines[index].x, x)
            } else {
                lines.append(Line(x: x, y: y, text: String(match.3)))
            }
        }
        return lines.sorted { $0.y < $1.y }
    }
}
