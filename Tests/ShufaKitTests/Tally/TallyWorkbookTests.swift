import Foundation
import ShufaKit
@testable import ShufaTally
import Testing

@Suite("Tally: workbooks and documents, filled by other programs, printed", .serialized)
struct TallyWorkbookTests {
    static let fontConfig = Repo.root.appendingPathComponent("fonts/fonts.conf")
    static let fillScript = Repo.fixtures.appendingPathComponent("tally-fill.py")

    /// Writes the entry workbook of the sample roster into a new folder; returns the folder and its documents.
    static func entryWorkbook() throws -> (URL, [BuildSummary.Document]) {
        let directory = Repo.temporaryDirectory()
        let documents = try TallyEntryDocuments(templates: Repo.templates).write(
            TallyFixture.roster, catalog: Repo.catalog, into: try TallyFixture.outputFolder(directory))
        return (directory, documents)
    }

    /// Schema issues of an OpenDocument spreadsheet (its mimetype checked for a spreadsheet).
    static func spreadsheetIssues(_ url: URL) throws -> [String] {
        let parts = try ODFParts.read(url)
        #expect(parts.part("mimetype") == Array(ODSWorkbookWriter.mediaType.utf8))
        return Repo.validator.validate(parts).filter { $0.part != "mimetype" }.map(\.description)
    }

    /// Runs openpyxl on the workbook: it checks protection, validations and locks, fills the counts, saves to
    /// `target` and says what it typed.
    static func fill(_ source: URL, into target: URL) throws -> [String: [String: [Int]]] {
        let output = try Poppler.run("python3", [fillScript.path, source.path, target.path])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String: Any]],
            "openpyxl printed: \(output)")
        return object.mapValues { entry in entry.compactMapValues { $0 as? [Int] } }
    }

    @Test(
        "build --kinds tally: .xlsx and .ods, byte-identical on rebuild, the .ods strictly valid ODF 1.3, kind tally"
    )
    func entryWorkbookFiles() throws {
        let (first, documents) = try Self.entryWorkbook()
        let (second, again) = try Self.entryWorkbook()
        #expect(documents.map(\.path) == ["tally/测评录入表.xlsx", "tally/测评录入表.ods"])
        #expect(documents.map(\.sha256) == again.map(\.sha256))
        #expect(documents.allSatisfy { $0.kind == .tally && $0.leader == nil })
        for document in documents {
            #expect(
                try Data(contentsOf: first.appendingPathComponent(document.path))
                    == Data(contentsOf: second.appendingPathComponent(document.path)))
        }
        #expect(try Self.spreadsheetIssues(first.appendingPathComponent("tally/测评录入表.ods")) == [])
        let rules = TallyFixture.rules
        let input = try TallyInputReader(rules: rules, roster: TallyFixture.roster).read(
            first.appendingPathComponent("tally/测评录入表.ods"))
        #expect(input.leaders.map(\.id) == TallyFixture.leaders.map(\.id))
        let content = String(
            decoding: try ODFParts.read(first.appendingPathComponent("tally/测评录入表.ods")).part("content.xml")!,
            as: UTF8.self)
        #expect(content.contains("table:protected=\"true\"") && content.contains("style:cell-protect=\"none\""))
        #expect(content.contains("of:cell-content-is-whole-number() and cell-content-is-between(0,100000)"))
        #expect(content.contains("<table:table table:name=\"说明\""))
    }

    @Test(
        "shufa build --kinds tally: the entry workbook written by the batch, counted in summary.json, in the journal"
    )
    func buildWritesWorkbook() throws {
        let output = Repo.temporaryDirectory()
        var request = BuildRequest(roster: Repo.roster, templates: Repo.templates, output: output, kinds: [.tally])
        request.rosterDocuments = [TallyEntryDocuments(templates: Repo.templates)]
        let summary = try BatchBuilder(request).run()
        #expect(summary.documents.map(\.path) == ["tally/测评录入表.xlsx", "tally/测评录入表.ods"])
        let counts = try String(contentsOf: output.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(counts.contains("\"tally\" : 2"))
        let listing = try String(contentsOf: output.appendingPathComponent("journal.jsonl"), encoding: .utf8)
        #expect(listing.contains("\"kind\":\"tally\"") && listing.contains("tally/测评录入表.ods"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("tally/测评录入表.xlsx").path))
    }

    @Test("filled by openpyxl, and by LibreOffice from the .ods: read back, the same numbers as typed")
    func roundTrip() throws {
        let (directory, _) = try Self.entryWorkbook()
        let filled = directory.appendingPathComponent("openpyxl.xlsx")
        let typed = try Self.fill(directory.appendingPathComponent("tally/测评录入表.xlsx"), into: filled)
        #expect(typed.count == 22)
        let fromXLSX = try TallyInputReader(rules: TallyFixture.rules, roster: TallyFixture.roster).read(filled)
        for leader in fromXLSX.leaders {
            for evaluation in leader.evaluations {
                let counts = evaluation.counts
                let expected = try #require(typed[leader.id]?[evaluation.subject])
                #expect(
                    [counts.expected, counts.present, counts.issued, counts.returned] + counts.votes.map(Optional.some)
                        + [counts.abstained, counts.spoiled] == expected.map(Optional.some))
            }
            #expect(leader.evaluations.count == 2)
        }
        // LibreOffice opens shufa's .ods, saves it as .xlsx; openpyxl fills that; LibreOffice saves it as .ods again.
        let office = try LibreOffice(fontConfig: Self.fontConfig)
        let asXLSX = try office.convert(
            [directory.appendingPathComponent("tally/测评录入表.ods")], to: "xlsx",
            into: directory.appendingPathComponent("lo"))[0]
        let refilled = directory.appendingPathComponent("lo-filled.xlsx")
        #expect(try Self.fill(asXLSX, into: refilled) == typed)
        let asODS = try office.convert([refilled], to: "ods", into: directory.appendingPathComponent("lo2"))[0]
        let calculator = TallyCalculator(rules: TallyFixture.rules)
        let viaOffice = calculator.tally(
            try TallyInputReader(rules: TallyFixture.rules, roster: nil).read(asODS), file: "x")
        let direct = calculator.tally(fromXLSX, file: "x")
        #expect(viaOffice.leaders.map(\.leader.id) == direct.leaders.map(\.leader.id))
        #expect(viaOffice.leaders.map(\.composite) == direct.leaders.map(\.composite))
        #expect(viaOffice.leaders.map(\.subjects) == direct.leaders.map(\.subjects))
        #expect(viaOffice.problems.filter { $0.severity == .error }.isEmpty)
    }

    /// Tallies the openpyxl-filled workbook into `output`.
    static func tally(into output: URL) throws -> TallyReport {
        let (directory, _) = try entryWorkbook()
        let filled = directory.appendingPathComponent("filled.xlsx")
        _ = try fill(directory.appendingPathComponent("tally/测评录入表.xlsx"), into: filled)
        return try TallyRun(TallyRequest(input: filled, roster: Repo.roster, templates: Repo.templates, output: output))
            .run()
    }

    @Test("outputs: byte-identical on rebuild; summary and 考核评议表 strictly valid ODF 1.3; 汇总表 .ods valid; --json shape")
    func outputs() throws {
        let first = Repo.temporaryDirectory(), second = Repo.temporaryDirectory()
        let report = try Self.tally(into: first)
        let again = try Self.tally(into: second)
        #expect(report.documents.map(\.sha256) == again.documents.map(\.sha256))
        #expect(
            try Data(contentsOf: first.appendingPathComponent("tally.json"))
                == Data(contentsOf: second.appendingPathComponent("tally.json")))
        #expect(report.documents.filter { $0.kind == .form }.count == 22)
        for document in report.documents where document.path.hasSuffix(".fodt") {
            let issues = Repo.validator.validate(try ODFParts.read(first.appendingPathComponent(document.path)))
            #expect(issues.isEmpty, "\(document.path): \(issues.prefix(3))")
        }
        #expect(try Self.spreadsheetIssues(first.appendingPathComponent("考核结果汇总表.ods")) == [])
        let form = try String(
            contentsOf: first.appendingPathComponent(
                try #require(report.documents.first { $0.leader == "QC006" }).path),
            encoding: .utf8)
        let leader = try #require(report.result.leaders.first { $0.leader.id == "QC006" })
        #expect(form.contains(String(format: "%.2f", leader.composite)) && form.contains("评议意见："))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: first.appendingPathComponent("tally.json")))
                as? [String: Any])
        let leaders = try #require(json["leaders"] as? [[String: Any]])
        #expect(
            leaders.count == 22
                && leaders.allSatisfy {
                    Set($0.keys).isSuperset(of: ["leader", "series", "composite", "grade", "rule"])
                })
        let series = try #require(json["series"] as? [[String: Any]])
        #expect(series.map { $0["name"] as? String } == ["党政主要负责人", "领导班子其他成员", "国有企业"])
        #expect(series.first?["quota"] as? [String: Int] == ["优秀": 2] && series.first?["leaders"] as? Int == 14)
        #expect(json["problems"] is [Any])
    }

    @Test("the 考核结果汇总 printed through shufa print shows its chart: bars' colours, quota use in words; forms printed")
    func summaryPrints() throws {
        let output = Repo.temporaryDirectory()
        let report = try Self.tally(into: output)
        let summary = output.appendingPathComponent("考核结果汇总.fodt")
        let text = try String(contentsOf: summary, encoding: .utf8)
        #expect(text.contains("<draw:frame draw:name=\"序列分布图\"") && text.contains("draw:mime-type=\"image/svg+xml\""))
        let printed = try PrintBatch(
            PrintRequest(build: output, output: output.appendingPathComponent("pdf"), documents: report.documents,
                         options: PrintOptions(fontConfig: Self.fontConfig))
        ).run()
        #expect(printed.failures.isEmpty, "\(printed.failures)")
        #expect(printed.documents.count == report.documents.filter { $0.path.hasSuffix(".fodt") }.count)
        let pdf = output.appendingPathComponent("pdf/考核结果汇总.pdf")
        let words = try Poppler.run("pdftotext", [pdf.path, "-"]).replacingOccurrences(of: " ", with: "")
        #expect(words.contains("优秀") && words.contains("未超过20%"))
        #expect(words.contains(try #require(report.result.leaders.first?.leader.name)))
        let prefix = output.appendingPathComponent("page").path
        _ = try Poppler.run("pdftoppm", ["-r", "70", "-f", "1", "-l", "1", pdf.path, prefix])
        let page = try #require(
            try FileManager.default.contentsOfDirectory(atPath: output.path).first { $0.hasPrefix("page") })
        let pixels = try PPM(Data(contentsOf: output.appendingPathComponent(page)))
        #expect(pixels.count(near: (0x70, 0xAD, 0x47)) > 200, "no 良好 bar (green) on page 1")
    }
}

/// A binary PPM (P6) image as pdftoppm writes it, enough to count pixels of a colour.
struct PPM {
    let width: Int, height: Int
    let bytes: [UInt8]

    init(_ data: Data) throws {
        let raw = Array(data)
        var fields: [String] = [], index = 0, current = ""
        while fields.count < 4 && index < raw.count {
            let byte = raw[index]
            index += 1
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                if !current.isEmpty { fields.append(current); current = "" }
            } else {
                current.append(Character(UnicodeScalar(byte)))
            }
        }
        guard fields.count == 4, fields[0] == "P6", let width = Int(fields[1]), let height = Int(fields[2]) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        self.width = width
        self.height = height
        bytes = Array(raw[index...])
    }

    func count(near colour: (Int, Int, Int), tolerance: Int = 24) -> Int {
        stride(from: 0, to: bytes.count - 2, by: 3).filter { offset in
            abs(Int(bytes[offset]) - colour.0) <= tolerance && abs(Int(bytes[offset + 1]) - colour.1) <= tolerance
                && abs(Int(bytes[offset + 2]) - colour.2) <= tolerance
        }.count
    }
}
