import Foundation
import PropertyBased
import ShufaKit
@testable import ShufaRoster
@testable import ShufaSystem
import Testing


/// Fuzzing the spreadsheet and YAML readers for memory and time as well as for crashes: random hostile
/// shapes (alias nests, deep nesting, sparse and repeated cells, markup floods) run through the real
/// `shufa` binary, each held to 30 s and 500 MB; and random fragments read in-process, for crashes.
@Suite("Fuzzing hostile rosters for memory, time and crashes (fixed seeds)", .serialized, .timeLimit(.minutes(10)))
struct HostileFuzzTests {
    /// Runs `shufa build` on `bytes` saved as `name`: within the bounds, and either a roster (exit 0 or 1) or
    /// one error naming the file (exit 2).
    static func expectBounded(_ bytes: [UInt8], name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let run = try ChildProcess.shufa([
            "build", try Hostile.file(name, bytes).path, "--out", Repo.temporaryDirectory().path,
            "--kinds", "form", "--no-check",
        ])
        Bounds.expect(run, status: run.status == 2 ? 2 : run.status, naming: name, sourceLocation: sourceLocation)
        #expect([0, 1, 2].contains(run.status), "\(name): exit \(run.status)", sourceLocation: sourceLocation)
    }

    /// YAML that nests anchors `levels` deep and `width` wide, used as values, as keys or merged, or nests
    /// flow collections `depth` deep.
    static let yaml = zip(Gen.int(in: 2...14), Gen.int(in: 2...12), Gen.int(in: 0...3), Gen.int(in: 1...300_000))
        .map { levels, width, shape, depth -> String in
            switch shape {
            case 0: return Hostile.aliasBomb(levels: levels, width: width)
            case 1: return Hostile.aliasBomb(levels: levels, width: width, asKeys: true)
            case 2:
                var lines = ["a0: &a0 {x: 1, y: 2}"]
                for level in 1..<levels {
                    lines.append(
                        "a\(level): &a\(level) {" + (0..<width).map { "k\($0): *a\(level - 1)" }.joined(separator: ", ")
                            + "}")
                }
                return (lines + ["year: 2025", "leaders:", "  - <<: *a\(levels - 1)", "    id: T1"]).joined(
                    separator: "\n") + "\n"
            default:
                return "year: 2025\nleaders: " + String(repeating: depth % 2 == 0 ? "[" : "{a: ", count: depth) + "\n"
            }
        }

    @Test("random YAML alias nests and deep nesting: refused within 30 s and 500 MB")
    func yamlShapes() throws {
        try Fuzz.check(Self.yaml, count: 12, seed: 11) { text in
            try Self.expectBounded(Array(text.utf8), name: "fuzz.yaml")
        }
    }

    /// A worksheet: `rows` rows, each with cells at random far columns, row numbers that may jump or
    /// overflow, elements with many attributes, or a flood of empty rows.
    static let worksheet = zip(
        Gen.int(in: 0...4), Gen.int(in: 1...250_000), Gen.int(in: 0...17_000), Gen.int(in: 0...600)
    )
    .map { shape, rows, column, attributes -> [UInt8] in
        switch shape {
        case 0:
            return Hostile.xlsx(
                rows: (2..<(2 + rows)).map {
                    "<row r=\"\($0)\"><c r=\"\(CellGrid.columnName(column % 16_384))\($0)\"><v>1</v></c></row>"
                }.joined())
        case 1: return Hostile.xlsx(rows: String(repeating: "<row/>", count: rows * 12))
        case 2:
            return Hostile.xlsx(
                rows: "<row r=\"2\" " + (0..<(attributes * 200)).map { "a\($0)=\"\"" }.joined(separator: " ") + "/>")
        case 3:
            return Hostile.xlsx(rows: "<row r=\"\(Int.max - rows)\"><c><v>1</v></c></row><row><c><v>2</v></c></row>")
        default:
            return Hostile.xlsx(
                rows: String(repeating: "<row><c r=\"A2\" t=\"s\"><v>\(column)</v></c></row>", count: rows))
        }
    }

    @Test("random XLSX sheets: sparse, flooded, attribute-heavy, overflowing: within 30 s and 500 MB")
    func xlsxShapes() throws {
        try Fuzz.check(Self.worksheet, count: 10, seed: 12) { bytes in try Self.expectBounded(bytes, name: "fuzz.xlsx")
        }
    }

    /// An ODS table: rows repeated up to 2^20 times, cells repeated across up to 2^20 columns, text:s runs,
    /// row groups, cells far to the right.
    static let table = zip(
        Gen.int(in: 0...3), Gen.int(in: 1...(1 << 20)), Gen.int(in: 1...1_000), Gen.int(in: 1...200_000)
    )
    .map { shape, repeated, columns, rows -> [UInt8] in
        let cell = "<table:table-cell><text:p>x</text:p></table:table-cell>"
        switch shape {
        case 0:
            return Hostile.ods(
                rows: "<table:table-row table:number-rows-repeated=\"\(repeated)\"><table:table-cell "
                    + "table:number-columns-repeated=\"\(columns)\"><text:p>x</text:p></table:table-cell>"
                    + "</table:table-row>"
            )
        case 1: return Hostile.sparseODS(rows: rows, column: columns - 1)
        case 2:
            return Hostile.ods(
                rows: "<table:table-row-group>"
                    + String(
                        repeating: "<table:table-row>"
                            + String(
                                repeating:
                                    "<table:table-cell><text:p>"
                                    + String(repeating: "<text:s text:c=\"1000\"/>", count: 50)
                                    + "</text:p></table:table-cell>",
                                count: columns % 50 + 1) + "</table:table-row>", count: rows % 2_000 + 1)
                    + "</table:table-row-group>")
        default:
            return Hostile.ods(
                rows: "<table:table-row><table:table-cell table:number-columns-repeated=\"\(repeated)\"/>"
                    + cell + "</table:table-row>")
        }
    }

    @Test("random ODS tables: repeated rows and cells, text:s, sparse columns: within 30 s and 500 MB")
    func odsShapes() throws {
        try Fuzz.check(Self.table, count: 10, seed: 13) { bytes in try Self.expectBounded(bytes, name: "fuzz.ods") }
    }

    static let yamlFragments = [
        "&a ", "*a", "&b ", "*b", "[", "]", "{", "}", ": ", ":", "- ", "\n", "\n  ", "? ", "<<: ", "\"", "'",
        "#", "year", "2025", "leaders", "id", "T1", "name", "甲", "0x10", "\t", "!!str ", "!!binary ", "|", ">",
        ",", "~", "null", "12345678901234567890", "\u{0}", "\u{FEFF}", "%YAML 1.1\n", "---\n", "...\n",
        "? [a]\n: 1\n", "? {a: 1}\n", "!!set ", "!!omap ", "!!int ", "!!map ", "!!seq ", "!!timestamp ",
    ]

    @Test("random YAML fragments: a roster or one RosterError naming the file, never a crash")
    func yamlFragments() {
        Fuzz.check(Fuzz.text(Self.yamlFragments, length: 0...60), count: 600, seed: 14) { text in
            Fuzz.expectReadsOrRefuses(Data(("year: 2025\n" + text).utf8), file: "f.yaml")
            Fuzz.expectReadsOrRefuses(Data(text.utf8), file: "f.yaml")
        }
    }

    static let jsonFragments = [
        "{", "}", "[", "]", ",", ":", "\"year\"", "\"leaders\"", "\"id\"", "\"name\"", "\"name\"", "\"姓名\"",
        "2025", "-0", "1e400", "12345678901234567890", "0x10", "\"\\u00e9\"", "\"\\ud800\"", "\"\\\"", "true",
        "null", " ", "\n", "\u{FEFF}", "\"甲\"", "\"部门主要负责人\"",
    ]

    @Test("random JSON fragments: a roster or one RosterError naming the file, never a crash")
    func jsonFragments() {
        Fuzz.check(Fuzz.text(Self.jsonFragments, length: 0...40), count: 800, seed: 15) { text in
            Fuzz.expectReadsOrRefuses(Data(text.utf8), file: "f.json")
            Fuzz.expectReadsOrRefuses(Data(("{\"year\": 2025, \"leaders\": [{" + text + "}]}").utf8), file: "f.json")
        }
    }
}
