import Foundation
import ShufaKit
@testable import ShufaODF
@testable import ShufaRoster
@testable import ShufaSystem
import Testing


/// Hostile roster files, built here byte for byte.
enum Hostile {
    static let header = ["编号", "姓名", "单位", "职务", "类别", "年度"]

    /// A YAML roster whose anchors nest `levels` deep, each level `width` aliases of the one before:
    /// a few hundred bytes that expand to width^levels nodes.
    static func aliasBomb(levels: Int = 9, width: Int = 9, asKeys: Bool = false) -> String {
        var lines = ["a0: &a0 [" + Array(repeating: "\"lol\"", count: width).joined(separator: ",") + "]"]
        for level in 1..<levels {
            lines.append(
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: width).joined(separator: ",")
                    + "]")
        }
        if asKeys { lines += ["? *a\(levels - 1)", ": 1"] }
        return (lines + ["year: 2025", "leaders: []"]).joined(separator: "\n") + "\n"
    }

    /// An XLSX workbook whose sheet holds the header row, then `rows` (worksheet XML).
    static func xlsx(rows: String) -> [UInt8] {
        let header =
            "<row r=\"1\">"
            + Self.header.enumerated().map { column, text in
                "<c r=\"\(CellGrid.columnName(column))1\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
            }.joined() + "</row>"
        return RosterFuzzTests.xlsx(
            sheet: "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + header + rows + "</sheetData></worksheet>")
    }

    /// An ODS spreadsheet whose one table holds `rows` (table XML).
    static func ods(rows: String) -> [UInt8] {
        let content =
            "<office:document-content \(FlatODF.namespaces)><office:body><office:spreadsheet>"
            + "<table:table table:name=\"A\">"
            + rows + "</table:table></office:spreadsheet></office:body></office:document-content>"
        return ZipWriter.archive([
            .stored("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8)),
            .deflated("content.xml", Array(content.utf8)),
        ])
    }

    /// `count` rows, each with one cell of text in column `column` (0-based), as ODS does it: the empty
    /// cells before it as one repeated cell.
    static func sparseODS(rows count: Int, column: Int) -> [UInt8] {
        let header =
            "<table:table-row>"
            + Self.header.map { "<table:table-cell><text:p>\($0)</text:p></table:table-cell>" }.joined()
            + "</table:table-row>"
        let row =
            "<table:table-row><table:table-cell table:number-columns-repeated=\"\(column)\"/>"
            + "<table:table-cell><text:p>x</text:p></table:table-cell></table:table-row>"
        return ods(rows: header + String(repeating: row, count: count))
    }

    /// Writes `bytes` as `name` in a new folder; returns its URL.
    static func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let url = Repo.temporaryDirectory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }
}

@Suite("Hostile rosters: refused early, with one clear error, within 30 s and 500 MB", .timeLimit(.minutes(5)))
struct HostileRosterTests {
    /// Reads `bytes` as `file`; the error, or nil when it reads.
    static func error(_ bytes: [UInt8], file: String) -> RosterError? {
        Rosters.error { () throws(RosterError) in try Rosters.reader().read(Data(bytes), file: file) }
    }

    /// The type of every value in `value` (an `NSNumber` with its stored type), dictionaries by sorted keys: what
    /// `isEqual` leaves out.
    static func kinds(_ value: Any) -> String {
        switch value {
        case let object as [String: Any]:
            return "{" + object.keys.sorted().map { "\($0):" + kinds(object[$0]!) }.joined(separator: ",") + "}"
        case let array as [Any]: return "[" + array.map(kinds).joined(separator: ",") + "]"
        case let number as NSNumber: return "\(type(of: number))/\(String(cString: number.objCType))"
        default: return "\(type(of: value))"
        }
    }

    @Test("a YAML alias bomb (a 9×9 nest of anchors, also used as a mapping key) is refused before it expands")
    func yamlAliasBomb() throws {
        for yaml in [Hostile.aliasBomb(), Hostile.aliasBomb(asKeys: true), Hostile.aliasBomb(levels: 30, width: 2)] {
            let start = Date()
            let error = try #require(Self.error(Array(yaml.utf8), file: "bomb.yaml"))
            #expect(error.message.contains("别名") && error.message.contains("第 "), "\(error)")
            #expect(Date().timeIntervalSince(start) < 2)
        }
        let run = try ChildProcess.shufa([
            "build", try Hostile.file("bomb.yaml", Array(Hostile.aliasBomb().utf8)).path,
            "--out", Repo.temporaryDirectory().path,
        ])
        Bounds.expect(run, status: 2, naming: "bomb.yaml")
    }

    @Test("a few aliases within what the file could hold are read")
    func yamlAliasesInReason() throws {
        let yaml = """
            year: 2025
            role: &role 部门主要负责人
            leaders:
              - {id: T1, name: 甲, unit: 县司法局, position: 局长, role: *role}
              - {id: T2, name: 乙, unit: 县财政局, position: 局长, role: *role}
            """
        let roster = try Rosters.read(yaml, file: "r.yaml")
        #expect(roster.leaders.map(\.role) == ["部门主要负责人", "部门主要负责人"])
    }

    @Test("YAML nesting, syntax errors and duplicate keys: the line and a short message, never the file's text")
    func yamlErrors() throws {
        let deep = "year: 2025\nleaders: " + String(repeating: "[", count: 200_000)
        let cases: [(String, String)] = [
            (deep, "第 2 行"), ("year: 2025\nyear: 2024\nleaders: []\n", "第 2 行：键「year」"),
            ("year: 2025\nleaders:\n  - id: T1\n   name: 甲\n", "第 4 行"),
            ("year: [2025\n" + String(repeating: "x", count: 200_000), "YAML"),
        ]
        for (yaml, expected) in cases {
            let error = try #require(Self.error(Array(yaml.utf8), file: "r.yaml"))
            #expect(error.message.contains(expected), "\(error)")
            #expect(error.message.count < 200, "\(error.message.prefix(300))")
        }
    }

    @Test("JSON: a key given twice is refused with its line; nesting is bounded; syntax errors say where")
    func jsonErrors() throws {
        let duplicate = "{\"year\": 2025,\n \"leaders\": [{\"id\": \"T1\", \"name\": \"甲\",\n \"name\": \"乙\"}]}"
        #expect(Self.error(Array(duplicate.utf8), file: "r.json")?.message.contains("第 3 行：键「name」在同一对象中出现了两次") == true)
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(Self.error(Array(deep.utf8), file: "r.json")?.message.contains("嵌套超过 64 层") == true)
        let broken = "{\"year\": 2025,\n\"leaders\": [}"
        #expect(Self.error(Array(broken.utf8), file: "r.json")?.message.contains("第 2 行第 13 列") == true)
        let control = "{\"year\": 2025, \"leaders\": [{\"id\": \"T1\", \"name\": \"甲乙丙丁戊己庚辛\u{1}\"}]}"
        #expect(Self.error(Array(control.utf8), file: "r.json")?.message.contains("第 1 行第 58 列") == true)
        let escapedKey = #"{"year": 2025, "leaders": [{"id": "T1", "na\u006de": "甲乙丙丁戊己庚辛", "name": "乙"}]}"#
        #expect(Self.error(Array(escapedKey.utf8), file: "r.json")?.message.contains("键「name」") == true)
    }

    @Test("JSON that no parser should take: bytes not UTF-8, an unpaired surrogate, 1e400 — each with its place")
    func jsonBeyondSyntax() throws {
        let head = Array("{\"year\": 2025,\n\"leaders\": [{\"id\": \"甲".utf8)
        let notUTF8 = head + [0xE4, 0xB8] + Array("\"}]}".utf8)
        #expect(Self.error(notUTF8, file: "r.json")?.message.contains("第 2 行第 22 列：不是 UTF-8 文本") == true)
        let far = Array(("{\"year\": 2025, \"leaders\": [\"" + String(repeating: "述法", count: 40_000)).utf8)
            + [0xFF] + Array("\"]}".utf8)
        #expect(Self.error(far, file: "r.json")?.message.contains("第 1 行第 80029 列：不是 UTF-8 文本") == true)
        for surrogate in [#"\ud800"#, #"\udc00\ud800"#, #"\ud800\u0041"#] {
            let json = #"{"year": 2025, "leaders": [{"id": "T1", "name": "甲"# + surrogate + #""}]}"#
            #expect(Self.error(Array(json.utf8), file: "r.json")?.message.contains("代理项不成对") == true, "\(surrogate)")
        }
        let huge = "{\"year\": 2025,\n \"leaders\": [{\"id\": 1e400}]}"
        #expect(Self.error(Array(huge.utf8), file: "r.json")?.message.contains("第 2 行第 21 列：数字太大") == true)
    }

    @Test("JSON built by shufa (a long array in two halves) gives what JSONSerialization gives, value and type")
    func jsonInPieces() throws {
        var generator = SeededGenerator(seed: 41)
        let values = [#""甲乙\"丙\u4e01""#, "12", "-0.5e3", "true", "false", "null", "0", "-0", "1E2", "1e20",
                      "12345678901234567890", "-9223372036854775808", "-9223372036854775809",
                      "123456789012345678901234", "1.00000000000000000001", "0.1", "5e-324",
                      #""\ud83d\ude00\b\f\r\t\u0000""#,
                      #"{"会前学法": 2, "x": [1, {"y": "\n"}]}"#, #"["一\/二", "三"]"#, #""""#, "[]", "{}"]
        for (key, prefix, count) in [("leaders", "", 64), ("名单", "\u{FEFF}", 301), (#"le\u0061ders"#, "", 65),
                                     ("leaders", "", 63), ("leaders", "", 0)] {
            let records = (0..<count).map { index in
                let fields = (0..<Int.random(in: 0...4, using: &generator)).map { field in
                    "\"k\(field)\": \(values.randomElement(using: &generator)!)"
                }
                return "{\"id\": \"T\(index)\"" + fields.map { ", " + $0 }.joined() + "}"
            }
            let json = prefix + "{\"year\": 2025, \"other\": [1, 2],\n \"\(key)\" : [\n "
                + records.joined(separator: " ,\n ") + " ], \"organization\": \"青川县\"}"
            let data = Data(json.utf8)
            let built = try RosterReader.parse(data, file: "r.json", format: .json)
            let whole = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect((built as NSDictionary).isEqual(whole as NSDictionary), "\(key)")
            #expect(Self.kinds(built) == Self.kinds(whole), "\(key)")
            #expect((built.values.compactMap { $0 as? [Any] }.map(\.count).max() ?? 0) == max(count, 2))
        }
    }

    @Test("two keys of one record that mean the same field (姓名 and name) leave the record out, naming both")
    func sameFieldTwice() throws {
        let json =
            #"""
            {"year": 2025, "leaders": [
              {"id": "T1", "姓名": "甲", "name": "乙", "unit": "县司法局", "position": "局长", "role": "部门主要负责人"},
              {"id": "T2", "name": "丙", "unit": "县司法局", "position": "局长", "role": "部门主要负责人"}]}
            """#
        let roster = try Rosters.read(json, file: "r.json")
        #expect(roster.leaders.map(\.id) == ["T2"])
        #expect(roster.problems.first?.message.contains("「name」与「姓名」是同一个字段") == true)
        let top = #"{"year": 2025, "年度": 2024, "leaders": []}"#
        #expect(Self.error(Array(top.utf8), file: "r.json")?.message.contains("是同一个字段") == true)
    }

    @Test("numbers: 0x10, inf and 1_000 are not numbers; a huge integer id is kept exactly; an inexact one is refused")
    func numbers() throws {
        for value in ["0x10", "inf", "nan", "1_000", "1e400"] {
            let roster = try Rosters.read(Rosters.csv("T001,甲,县司法局,局长,部门主要负责人,2025,\(value)"))
            #expect(roster.leaders.isEmpty && roster.problems.first?.field == "会前学法次数", "\(value)")
        }
        let json =
            #"""
            {"year": 2025, "leaders": [
              {"id": 12345678901234567890, "name": "甲", "unit": "乙", "position": "丙", "role": "部门主要负责人",
               "indicators": {"会前学法次数": 2}},
              {"id": 1e20, "name": "乙", "unit": "乙", "position": "丙", "role": "部门主要负责人"}]}
            """#
        let roster = try Rosters.read(json, file: "r.json")
        #expect(roster.leaders.map(\.id) == ["12345678901234567890"])
        #expect(roster.problems.first?.message.contains("太大，无法原样写出") == true)
        let yaml = try Rosters.read(
            "year: 2025\nleaders:\n  - {id: 98765432109876543210, name: 甲, unit: 乙, position: 丙, role: 部门主要负责人}\n",
            file: "r.yaml")
        #expect(yaml.leaders.map(\.id) == ["98765432109876543210"])
        let huge = try Rosters.read(Rosters.csv("T001,甲,县司法局,局长,部门主要负责人,2025,99999999"))
        #expect(huge.problems.first?.message.contains("不是合理的次数或学时") == true)
    }

    @Test(
        "XLSX numbers: a row number past the sheet (Int.max, then a row) is an error, not a crash; big cells stay exact"
    )
    func xlsxNumbers() throws {
        let overflow = Hostile.xlsx(
            rows: "<row r=\"9223372036854775807\"><c r=\"A2\"><v>1</v></c></row><row><c r=\"A3\"><v>1</v></c></row>")
        #expect(Self.error(overflow, file: "r.xlsx")?.message.contains("行号「9223372036854775807」无效") == true)
        let tooFar = Hostile.xlsx(
            rows: "<row r=\"1048576\"><c r=\"A2\"><v>1</v></c></row><row><c r=\"A3\"><v>1</v></c></row>")
        #expect(Self.error(tooFar, file: "r.xlsx")?.message.contains("无效") == true)
        let big = Hostile.xlsx(
            rows:
                "<row r=\"2\"><c r=\"A2\"><v>12345678901234567890</v></c>"
                    + "<c r=\"B2\" t=\"inlineStr\"><is><t>甲</t></is></c>"
                + "<c r=\"C2\"><v>0x10</v></c></row>")
        let grid = try XLSXReader(file: "r.xlsx", sheet: nil).grid(Data(big))
        #expect(grid.rows.last?.cells == ["12345678901234567890", "甲", "0x10"])
    }

    @Test(
        "sparse sheets (a cell far to the right in each of 200,100 rows) are refused within 30 s and 500 MB",
        arguments: ["sparse.ods", "sparse.xlsx"])
    func sparseSheets(name: String) throws {
        let bytes =
            name.hasSuffix(".ods")
            ? Hostile.sparseODS(rows: 200_100, column: 998)
            : Hostile.xlsx(rows: (2..<200_102).map { "<row r=\"\($0)\"><c r=\"ALL\($0)\"><v>1</v></c></row>" }.joined())
        let run = try ChildProcess.shufa([
            "build", try Hostile.file(name, bytes).path, "--out", Repo.temporaryDirectory().path,
        ])
        Bounds.expect(run, status: 2, naming: name)
    }

    @Test(
        "markup bombs: millions of empty rows, an element with 100,000 attributes, text:s unfolding to gigabytes"
    )
    func markupBombs() throws {
        let cases: [(String, [UInt8], String)] = [
            ("rows.xlsx", Hostile.xlsx(rows: String(repeating: "<row/>", count: 3_000_000)), "XML 节点"),
            (
                "attributes.xlsx",
                Hostile.xlsx(rows: "<row " + (0..<100_000).map { "a\($0)=\"\"" }.joined(separator: " ") + "/>"), "属性"
            ),
            (
                "spaces.ods",
                Hostile.ods(
                    rows: "<table:table-row>"
                        + String(
                            repeating: "<table:table-cell><text:p>"
                                + String(repeating: "<text:s text:c=\"1000\"/>", count: 20)
                                + "</text:p></table:table-cell>", count: 200) + "</table:table-row>"), "没有表头行"
            ),
        ]
        for (name, bytes, expected) in cases {
            let start = Date()
            let error = Self.error(bytes, file: name)
            #expect(Date().timeIntervalSince(start) < Bounds.seconds, "\(name)")
            #expect(error?.message.contains(expected) == true, "\(name): \(String(describing: error).prefix(300))")
        }
        let spaces = try ODSReader(file: "s.ods", sheet: nil).grid(
            Data(
                Hostile.ods(
                    rows: "<table:table-row>"
                        + String(
                            repeating:
                                "<table:table-cell><text:p>a"
                                + String(repeating: "<text:s text:c=\"1000\"/>", count: 600)
                                + "</text:p></table:table-cell>", count: 4)
                        + "</table:table-row>")))
        #expect(
            spaces.rows.first.map { $0.cells.reduce(0) { $0 + $1.utf8.count } }.map {
                $0 <= ODSReader.minimumSpaceBudget + 100
            } == true)
    }

    @Test("a folder, a FIFO or /dev/zero given as the roster: one error naming it, at once")
    func notRegularFiles() throws {
        let folder = Repo.temporaryDirectory()
        let directory = folder.appendingPathComponent("dir.csv")
        let fifo = folder.appendingPathComponent("fifo.csv")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        #expect(mkfifo(fifo.path, 0o600) == 0)
        for (url, expected) in [(directory, "文件夹"), (fifo, "不是普通文件"), (URL(fileURLWithPath: "/dev/zero"), "不是普通文件")] {
            let error = Rosters.error { () throws(RosterError) in try Rosters.reader().read(url) }
            #expect(
                error?.file == url.lastPathComponent && error?.message.contains(expected) == true,
                "\(String(describing: error))")
        }
    }
}
