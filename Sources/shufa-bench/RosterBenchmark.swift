import Foundation
import ShufaKit

/// Hooks for the benchmark program: time reading a roster, and make large rosters to read.
enum RosterBenchmark {
    /// How long one roster read took.
    struct Measurement: Sendable, CustomStringConvertible {
        /// The file's name.
        var file: String
        var bytes: Int
        /// Records read: leaders kept plus records left out.
        var records: Int
        var leaders: Int
        /// Wall-clock seconds of the fastest repetition: reading the file, decoding, checking every record.
        var seconds: Double
        var recordsPerSecond: Double { seconds > 0 ? Double(records) / seconds : .infinity }

        var description: String {
            String(format: "%@: %d records (%d leaders, %.1f MiB) in %.3f s = %.0f records/s",
                   file, records, leaders, Double(bytes) / 1_048_576, seconds, recordsPerSecond)
        }
    }

    /// Reads the roster at `url` `repetitions` times, as `shufa build` does, and reports the fastest read.
    /// - Throws: `RosterError` when the file cannot be read.
    static func measureRead(_ url: URL, catalog: Catalog, options: RosterReadOptions = RosterReadOptions(),
                                   repetitions: Int = 3) throws(RosterError) -> Measurement {
        let reader = RosterReader(catalog: catalog, options: options)
        var best = Double.infinity
        var roster: Roster?
        for _ in 0..<max(1, repetitions) {
            let start = ContinuousClock.now
            let result = try reader.read(url)
            let elapsed = ContinuousClock.now - start
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            roster = result
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        let leaders = roster?.leaders.count ?? 0
        let skipped = Set(roster?.problems.filter { $0.severity == .error }.compactMap(\.location) ?? []).count
        return Measurement(
            file: url.lastPathComponent, bytes: bytes, records: leaders + skipped, leaders: leaders, seconds: best)
    }

    /// A roster of `rows` valid, distinct leaders (ids B00001…, every role of the catalog in turn, texts
    /// of realistic length, two indicators) as a .csv (UTF-8 with BOM) or .xlsx file's bytes.
    /// - Precondition: `format` is `.csv` or `.xlsx`.
    static func syntheticRoster(rows: Int, format: RosterFormat, catalog: Catalog) -> [UInt8] {
        let table = syntheticTable(rows: rows, roles: catalog.roles.map(\.name))
        switch format {
        case .csv: return [0xEF, 0xBB, 0xBF] + Array(table.map(csvLine).joined().utf8)
        case .xlsx: return SyntheticXLSX(table).bytes
        default: preconditionFailure("syntheticRoster writes .csv or .xlsx, not .\(format.rawValue)")
        }
    }

    /// Header and rows of the synthetic roster; numbers stay `Int` so the XLSX writer can type them.
    static func syntheticTable(rows: Int, roles: [String]) -> [[Any]] {
        let header: [Any] = [
            "编号", "姓名", "单位", "职务", "类别", "年度", "组织", "述职内容", "述法内容", "存在问题", "改进措施", "集体学法次数", "会前学法次数",
        ]
        let sentence = "坚持以习近平法治思想为指导，认真履行推进法治建设第一责任人职责，全年组织集体学法，推动重大决策合法性审查全覆盖。"
        return [header] + (1...max(1, rows)).map { index -> [Any] in
            let id = String(format: "B%05d", index)
            let duty = (1...3).map { "第\($0)段（\(id)）：" + String(repeating: sentence, count: 2) }.joined(separator: "\n")
                return [
                    id, "测试\(index)", "单位\(index % 97)", "负责人", roles.isEmpty ? "" : roles[index % roles.count], 2025,
                    "示例县",
                    duty, "（\(id)）" + String(repeating: sentence, count: 5), "问题（\(id)）：" + sentence,
                    "措施（\(id)）：" + sentence, index % 5, 4,
                ]
        }
    }

    private static func csvLine(_ row: [Any]) -> String {
        row.map { value -> String in
            let text = "\(value)"
            return text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }.joined(separator: ",") + "\r\n"
    }
}

/// A one-sheet XLSX workbook as Excel writes one: text in shared strings, numbers as values.
private struct SyntheticXLSX {
    let bytes: [UInt8]

    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let package = "http://schemas.openxmlformats.org/package/2006/relationships"

    init(_ table: [[Any]]) {
        var strings: [String] = []
        var sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"\(Self.main)\"><sheetData>"
        for (r, row) in table.enumerated() {
            sheet += "<row r=\"\(r + 1)\">"
            for (c, value) in row.enumerated() {
                let reference = "\(SheetRows.columnName(c))\(r + 1)"
                if let number = value as? Int {
                    sheet += "<c r=\"\(reference)\"><v>\(number)</v></c>"
                } else {
                    sheet += "<c r=\"\(reference)\" t=\"s\"><v>\(strings.count)</v></c>"
                    strings.append("\(value)")
                }
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        let shared = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<sst xmlns=\"\(Self.main)\" count=\"\(strings.count)\" uniqueCount=\"\(strings.count)\">"
            + strings.map { "<si><t xml:space=\"preserve\">\(XMLEscaping.escaped($0))</t></si>" }.joined() + "</sst>"
        bytes = ZipWriter.archive([
            .deflated("[Content_Types].xml", Array(Self.contentTypes.utf8)),
            .deflated("_rels/.rels", Array(Self.rels([("rId1", "officeDocument", "xl/workbook.xml")]).utf8)),
            .deflated("xl/workbook.xml", Array(Self.workbook.utf8)),
            .deflated("xl/_rels/workbook.xml.rels", Array(Self.rels([("rId1", "worksheet", "worksheets/sheet1.xml"),
                        ("rId2", "sharedStrings", "sharedStrings.xml"),
                    ]).utf8)),
            .deflated("xl/worksheets/sheet1.xml", Array(sheet.utf8)),
            .deflated("xl/sharedStrings.xml", Array(shared.utf8)),
        ])
    }

    private static let workbook = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\">"
        + "<sheets><sheet name=\"名单\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"

    private static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/sharedStrings.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
        </Types>
        """

    private static func rels(_ items: [(id: String, type: String, target: String)]) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships xmlns=\"\(package)\">"
            + items.map {
                "<Relationship Id=\"\($0.id)\" Type=\"\(relationships)/\($0.type)\" Target=\"\($0.target)\"/>"
            }.joined()
            + "</Relationships>"
    }
}
