import Foundation
import ShufaKit
@testable import ShufaOutput
@testable import ShufaRoster
import Testing

/// Helpers for the roster tests.
enum Rosters {
    static let fixtures = Repo.fixtures.appendingPathComponent("rosters")
    static let unreadable = fixtures.appendingPathComponent("unreadable")

    /// Every form of the sample roster besides roster.json.
    static let forms = [
        "roster.yaml", "roster.csv", "roster-gbk.csv", "roster.tsv", "roster.fods", "roster.ods", "roster.xlsx",
    ]

    static let header = "编号,姓名,单位,职务,类别,年度,会前学法次数"
    static let good = "T001,甲,县司法局,局长,部门主要负责人,2025,4"

    /// A CSV roster: the header, then `rows`, CR LF line ends.
    static func csv(_ rows: String..., header: String = header) -> String {
        ([header] + rows).map { $0 + "\r\n" }.joined()
    }

    static func reader(_ options: RosterReadOptions = RosterReadOptions()) -> RosterReader {
        RosterReader(catalog: Repo.catalog, options: options)
    }

    /// Reads `text` as a roster file named `file`.
    static func read(
        _ text: String, file: String = "roster.csv", options: RosterReadOptions = RosterReadOptions()
    ) throws -> Roster {
        try reader(options).read(Data(text.utf8), file: file)
    }

    /// The error reading `body` gives; nil when it reads.
    static func error(_ body: () throws(RosterError) -> Roster) -> RosterError? {
        do { _ = try body(); return nil } catch { return error }
    }

    /// Leaders with their locations cleared, to compare what different files say.
    static func content(_ leaders: [Leader]) -> [Leader] {
        leaders.map { var leader = $0; leader.location = RecordLocation(file: "", row: 0); return leader }
    }
}

@Suite("Reading rosters in every format")
struct RosterFormatTests {
    @Test(
        "every form of the sample roster reads to the same organisation, year and leaders as roster.json",
        arguments: Rosters.forms)
    func sameLeaders(form: String) throws {
        let json = try Rosters.reader().read(Repo.roster)
        let other = try Rosters.reader().read(Repo.samples.appendingPathComponent(form))
        #expect(other.organization == json.organization && other.year == json.year)
        #expect(Rosters.content(other.leaders) == Rosters.content(json.leaders))
        #expect(other.problems.map(\.severity) == json.problems.map(\.severity))
        #expect(other.problems.map(\.leader) == json.problems.map(\.leader))
    }

    @Test("every form of the sample roster builds byte-identical documents: the same paths and SHA-256 as roster.json",
          arguments: Rosters.forms)
    func byteIdenticalDocuments(form: String) throws {
        let request = BuildRequest(roster: Repo.samples.appendingPathComponent(form), templates: Repo.templates,
                                   output: Repo.temporaryDirectory(), formats: [.fodt, .odt])
        let summary = try BatchBuilder(request).run()
        let reference = SampleBuild.shared.summary.documents
        #expect(summary.documents.count == reference.count)
        #expect(summary.documents.map(\.path) == reference.map(\.path))
        #expect(summary.documents.map(\.sha256) == reference.map(\.sha256))
    }

    @Test("table rows are numbered as a spreadsheet shows them, and problems name the header as written")
    func tableLocations() throws {
        let roster = try Rosters.reader().read(Repo.samples.appendingPathComponent("roster-with-errors.csv"))
        let errors = roster.problems.filter { $0.severity == .error }
        let file = "roster-with-errors.csv"
        #expect(errors.map(\.location) == [4, 5, 8, 9].map { RecordLocation(file: file, row: $0, unit: "row") })
        #expect(errors.map(\.field) == ["姓名", "类别", "编号", "年度"])
        #expect(errors.first?.description == "roster-with-errors.csv 第 4 行，姓名（QC011）：必填项为空：请填写")
        let tsv = try Rosters.reader().read(Repo.samples.appendingPathComponent("roster-with-errors.tsv"))
        #expect(tsv.problems.filter { $0.severity == .error }.map(\.field) == ["name", "role", "id", "year"])
        let clean = try Rosters.reader().read(Repo.samples.appendingPathComponent("roster.csv"))
        #expect(clean.problems.isEmpty && clean.leaders.count == 22)
    }
}

@Suite("Text encodings of CSV and TSV")
struct RosterEncodingTests {
    static let text = Rosters.csv(Rosters.good)

    @Test("UTF-8 with and without BOM, GB18030 and UTF-16 with BOM are detected")
    func detected() throws {
        let utf8 = Array(Self.text.utf8)
        let utf16: [UInt8] = [0xFF, 0xFE] + Array(Self.text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let forms: [[UInt8]] = [utf8, [0xEF, 0xBB, 0xBF] + utf8, utf16]
        for bytes in forms {
            let roster = try Rosters.reader().read(Data(bytes), file: "r.csv")
            #expect(roster.leaders.map(\.name) == ["甲"], "\(bytes.prefix(4))")
        }
        let gbk = try Data(contentsOf: Repo.samples.appendingPathComponent("roster-gbk.csv"))
        #expect(TextEncoding.detectAndDecode(Array(gbk))?.encoding == .gb18030)
        #expect(String(data: gbk, encoding: .utf8) == nil)
    }

    @Test("--encoding overrides detection; a wrong one is a clear error; an unknown name is refused")
    func override() throws {
        let gbk = Repo.samples.appendingPathComponent("roster-gbk.csv")
        let roster = try Rosters.reader(RosterReadOptions(encoding: try TextEncoding(named: "gbk"))).read(gbk)
        #expect(roster.leaders.count == 22)
        let wrong = Rosters.error { () throws(RosterError) in
            try Rosters.reader(RosterReadOptions(encoding: .utf8)).read(gbk)
        }
        #expect(wrong?.message.contains("不是有效的 UTF-8 文本") == true)
        #expect(wrong?.message.contains("--encoding") == true)
        #expect(throws: TextEncoding.UnknownEncoding.self) { try TextEncoding(named: "klingon-8") }
        #expect(try TextEncoding(named: "UTF8") == .utf8)
    }
}

@Suite("CSV and TSV as RFC 4180 and spreadsheet programs write them")
struct CSVTests {
    @Test("quoted fields hold delimiters, doubled quotes and line breaks; each record is one row")
    func quoting() throws {
        let roster = try Rosters.read(Rosters.csv(
            "T001,\"甲\",县司法局,\"局长,兼\"\"主任\"\"\",部门主要负责人,2025,4",
            "T002,\"乙\r\n\r\n丙\",县财政局,局长,部门主要负责人,2025,\"4\"",
            "T003,,县财政局,局长,部门主要负责人,2025,4"))
        #expect(roster.leaders.map(\.position) == ["局长,兼\"主任\"", "局长"])
        #expect(roster.leaders[1].name == "乙\n\n丙")
        #expect(roster.problems.first?.location?.row == 4)
    }

    @Test("LF, CR LF and CR line ends, a missing last line end and blank lines all give the same rows")
    func lineEnds() throws {
        for separator in ["\n", "\r\n", "\r"] {
            let text = [Rosters.header, "", Rosters.good, "T002,乙,县财政局,局长,部门主要负责人,2025,"].joined(separator: separator)
            let roster = try Rosters.read(text)
            #expect(roster.leaders.map(\.id) == ["T001", "T002"])
            #expect(roster.leaders.map(\.location.row) == [3, 4])
        }
    }

    @Test("a quote inside an unquoted field is kept; an unclosed quote is an error naming its row")
    func strayQuotes() throws {
        let roster = try Rosters.read(Rosters.csv("T001,甲\"乙,县司法局,局长,部门主要负责人,2025,4"))
        #expect(roster.leaders.first?.name == "甲\"乙")
        let error = Rosters.error { () throws(RosterError) in
            try Rosters.reader().read(Data(Rosters.csv(Rosters.good, "T002,\"乙,县财政局").utf8), file: "r.csv")
        }
        #expect(error?.message.contains("第 3 行") == true)
    }

    @Test("TSV with English keys in any case as headers")
    func tsvEnglishHeaders() throws {
        let text = "ID\tName\tUnit\tPosition\tRole\tYear\tduty\nT001\t甲\t县司法局\t局长\t部门主要负责人\t2025\t\"一\n二\"\n"
        let roster = try Rosters.read(text, file: "r.tsv")
        #expect(roster.leaders.first?.duty == ["一", "二"])
    }
}

@Suite("Spreadsheets: sheets, gaps, repeated cells, ODF white space, XLSX strings")
struct SpreadsheetTests {
    @Test("the first sheet by default; --sheet picks another; an unknown sheet lists the sheets")
    func sheets() throws {
        let file = Rosters.fixtures.appendingPathComponent("second-sheet.xlsx")
        let first = Rosters.error { () throws(RosterError) in try Rosters.reader().read(file) }
        #expect(first?.message.contains("没有表头行") == true)
        let named = try Rosters.reader(RosterReadOptions(sheet: "名单")).read(file)
        #expect(named.leaders.map(\.id) == ["G001"])
        let unknown = Rosters.error { () throws(RosterError) in
            try Rosters.reader(RosterReadOptions(sheet: "Sheet9")).read(file)
        }
        #expect(unknown?.message == "没有名为「Sheet9」的工作表：现有工作表为 「说明」、「名单」")
        let sample = Repo.samples.appendingPathComponent("roster.xlsx")
        #expect(Rosters.content(try Rosters.reader(RosterReadOptions(sheet: "名单")).read(sample).leaders)
                == Rosters.content(try Rosters.reader().read(sample).leaders))
        let odsNote = Rosters.error { () throws(RosterError) in
            try Rosters.reader(RosterReadOptions(sheet: "说明")).read(Repo.samples.appendingPathComponent("roster.ods"))
        }
        #expect(odsNote?.message.contains("没有表头行") == true)
    }

    @Test("a title row, blank rows, cells left out: rows keep the numbers a spreadsheet shows",
          arguments: ["bad-rows.xlsx", "bad-rows.ods"])
    func gaps(file: String) throws {
        let roster = try Rosters.reader().read(Rosters.fixtures.appendingPathComponent(file))
        #expect(roster.leaders.map(\.id) == ["G001"])
        #expect(roster.leaders.first?.location.row == 4)
        #expect(roster.leaders.first?.indicators == ["会前学法次数": 4])
        let found = roster.problems.map { "\($0.severity.rawValue) \($0.location?.row ?? 0) \($0.field ?? "-")" }
        #expect(found == ["warning 1 -", "warning 3 备注", "warning 3 K 列", "error 7 姓名", "error 8 会前学法次数"])
    }

    @Test("ODF cells: text:s, text:tab, line breaks, one line per text:p, repeated cells, float values, no annotations")
    func odfCells() throws {
        let cells = """
            <table:table-cell><text:p>编号</text:p></table:table-cell><table:table-cell><text:p>姓名</text:p>\
            </table:table-cell>\
            <table:table-cell><text:p>单位</text:p></table:table-cell><table:table-cell><text:p>职务</text:p>\
            </table:table-cell>\
            <table:table-cell><text:p>类别</text:p></table:table-cell><table:table-cell><text:p>年度</text:p>\
            </table:table-cell>\
            <table:table-cell><text:p>述职内容</text:p></table:table-cell><table:table-cell><text:p>会前学法次数</text:p>\
            </table:table-cell>
            """
        let row = """
            <table:table-cell><text:p>T001</text:p></table:table-cell>\
            <table:table-cell><text:p>  张 <text:s text:c="2"/>三<office:annotation><text:p>批注</text:p>\
            </office:annotation></text:p></table:table-cell>\
            <table:table-cell table:number-columns-repeated="2"><text:p>同</text:p></table:table-cell>\
            <table:table-cell><text:p>部门主要负责人</text:p></table:table-cell>\
            <table:table-cell office:value-type="float" office:value="2025"><text:p>2,025</text:p></table:table-cell>\
            <table:table-cell><text:p>第一段<text:tab/>甲</text:p><text:p>第二段<text:line-break/>第三段</text:p>\
            </table:table-cell>\
            <table:table-cell office:value-type="float" office:value="4"><text:p>4.00</text:p></table:table-cell>
            """
        let fods = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document \(FlatODF.namespaces) office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
            <office:body><office:spreadsheet><table:table table:name="A">
            <table:table-row>\(cells)</table:table-row>
            <table:table-row table:number-rows-repeated="3">\
            <table:table-cell table:number-columns-repeated="1024"/></table:table-row>
            <table:table-row-group><table:table-row>\(row)</table:table-row></table:table-row-group>
            </table:table></office:spreadsheet></office:body></office:document>
            """
        let roster = try Rosters.read(fods, file: "r.fods")
        let leader = try #require(roster.leaders.first)
        #expect(leader.name == "张   三")
        #expect(leader.unit == "同" && leader.position == "同")
        #expect(leader.duty == ["第一段\t甲", "第二段", "第三段"])
        #expect(leader.indicators == ["会前学法次数": 4])
        #expect(leader.location.row == 5 && roster.year == 2025)
    }

    @Test("XLSX strings: _xHHHH_ escapes, CR LF in cells, rich-text runs")
    func xlsxStrings() throws {
        #expect(XLSXReader.unescaped("一_x000D_\n二") == "一\n二")
        #expect(XLSXReader.unescaped("a_x005F_x0041_b") == "a_x0041_b")
        #expect(XLSXReader.unescaped("_x41_ _xZZZZ_") == "_x41_ _xZZZZ_")
        #expect(
            XLSXReader.column(of: "C5") == 2 && XLSXReader.column(of: "AA10") == 26 && XLSXReader.column(of: "5") == nil
        )
        #expect(CellGrid.columnName(0) == "A" && CellGrid.columnName(27) == "AB")
    }
}

@Suite("Table headers and roster-level columns")
struct TableHeaderTests {
    @Test("Chinese and English headers mix; 述法主体类别 names the role; a year may be written 2025年")
    func headers() throws {
        let roster = try Rosters.read(Rosters.csv("T001,甲,县司法局,局长,部门主要负责人,2025年,示例县",
                                                  header: "id,姓名,Unit,职务,述法主体类别,年度,组织"))
        #expect(roster.leaders.count == 1 && roster.year == 2025 && roster.organization == "示例县")
    }

    @Test("a text column that is no field is ignored with a note; a number column is an indicator")
    func extraColumns() throws {
        let roster = try Rosters.read(Rosters.csv("T001,甲,县司法局,局长,部门主要负责人,2025,4,好,2.5",
                                                  header: Rosters.header + ",备注,新指标"))
        #expect(roster.leaders.first?.indicators == ["会前学法次数": 4, "新指标": 2.5])
        let note = try #require(roster.problems.first)
        #expect(note.severity == .warning && note.field == "备注" && note.location?.row == 1)
    }

    @Test("a missing required column or two columns for one field make the file unreadable")
    func columnErrors() throws {
        let missing = Rosters.error { () throws(RosterError) in
            try Rosters.reader().read(Data("编号,姓名,单位\r\nT1,甲,乙\r\n".utf8), file: "r.csv")
        }
        #expect(missing?.message.contains("没有 「职务」、「类别」、「年度」 列") == true)
        let twice = Rosters.error { () throws(RosterError) in
            try Rosters.reader().read(
                Data(Rosters.csv(Rosters.good + ",乙", header: Rosters.header + ",name").utf8), file: "r.csv")
        }
        #expect(twice?.message.contains("B 列和 H 列都是「姓名」") == true)
    }

    @Test("--sheet on a CSV and --encoding on an XLSX are refused")
    func optionMismatch() throws {
        let sheet = Rosters.error { () throws(RosterError) in
            try Rosters.reader(RosterReadOptions(sheet: "A")).read(Data("x".utf8), file: "r.csv")
        }
        #expect(sheet?.message.contains("--sheet 只用于") == true)
        let encoding = Rosters.error { () throws(RosterError) in
            try Rosters.reader(RosterReadOptions(encoding: .gb18030)).read(Data("x".utf8), file: "r.xlsx")
        }
        #expect(encoding?.message.contains("--encoding 只用于") == true)
    }
}
