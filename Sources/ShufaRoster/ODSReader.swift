import Foundation
import ShufaXML

/// Reads an OpenDocument spreadsheet: a package (.ods, its `content.xml`) or Flat XML (.fods), the first
/// table or the one named by `--sheet`.
///
/// Repeated rows and cells (`table:number-rows-repeated`, `table:number-columns-repeated`) count in the
/// row and column numbers without being unpacked when empty; each `text:p` of a cell is one line; `text:s`,
/// `text:tab` and `text:line-break` give spaces, tabs and line breaks; annotations are not cell text.
package struct ODSReader {
    let file: String
    let sheet: String?

    private static let mimetype = "application/vnd.oasis.opendocument.spreadsheet"

    func grid(_ data: Data) throws(RosterError) -> CellGrid {
        let document = try self.document(data)
        guard let root = document.root, let body = root.child(Namespace.office, "body"),
              let spreadsheet = body.child(Namespace.office, "spreadsheet") else {
            throw RosterError(file: file, .noSpreadsheetContent)
        }
        return try rows(of: table(in: spreadsheet), spaces: SpaceBudget(left: max(Self.minimumSpaceBudget, data.count)))
    }

    /// Spaces `text:s` may add to a sheet's texts at least, whatever the file's size.
    static let minimumSpaceBudget = 1 << 20

    /// The spaces `text:s` elements may still add to the sheet's texts: at most as many as the file has
    /// bytes, so a short file cannot unfold into gigabytes of spaces.
    final class SpaceBudget {
        var left: Int
        init(left: Int) { self.left = left }

        /// `count` spaces, or as many as are left.
        func take(_ count: Int) -> Int {
            let granted = min(count, left)
            left -= granted
            return granted
        }
    }

    /// The XML holding the body: `content.xml` of a package, or the whole Flat XML file.
    private func document(_ data: Data) throws(RosterError) -> XMLDocument {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            let archive = try SpreadsheetArchive(data, file: file, kind: .ods)
            if let mimetype = try archive.part("mimetype"), String(decoding: mimetype, as: UTF8.self) != Self.mimetype {
                throw RosterError(
                    file: file, .notSpreadsheet(mimetype: String(decoding: mimetype.prefix(80), as: UTF8.self)))
            }
            return try archive.xml("content.xml", missing: .noSpreadsheetContent)
        }
        guard Self.startsLikeXML(data) else {
            throw SpreadsheetArchive.notAnArchive(data, file: file, kind: .ods)
        }
        return try SpreadsheetArchive.parse(Array(data), file: file)
    }

    /// True when the first character after an optional UTF-8 byte order mark and white space is "<".
    static func startsLikeXML(_ data: Data) -> Bool {
        let head = data.prefix(1024).drop { [0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return head.first == UInt8(ascii: "<")
    }

    private func table(in spreadsheet: XMLNode) throws(RosterError) -> XMLNode {
        let tables = spreadsheet.elements.filter { $0.is(Namespace.table, "table") }
        let names = tables.map { $0.attribute(Namespace.table, "name") ?? "" }
        guard let sheet else {
            guard let first = tables.first else { throw RosterError(file: file, .noSheets) }
            return first
        }
        guard let index = names.firstIndex(of: sheet) else {
            throw RosterError(file: file, .unknownSheet(sheet, sheets: names))
        }
        return tables[index]
    }

    /// Every row of the table, with rows inside header-row and row-group elements in document order.
    private func rows(of table: XMLNode, spaces: SpaceBudget) throws(RosterError) -> CellGrid {
        var grid = CellGrid()
        var number = 1
        for row in Self.rowElements(table) {
            let repeated = Self.count(row, "number-rows-repeated")
            let cells = try self.cells(of: row, number: number, spaces: spaces)
            if cells.isEmpty {
                number += repeated
                continue
            }
            for _ in 0..<min(repeated, CellGrid.maximumRows + 1) {
                try grid.append(number: number, cells: cells, file: file)
                number += 1
            }
        }
        return grid
    }

    private static func rowElements(_ node: XMLNode) -> [XMLNode] {
        var rows: [XMLNode] = []
        for child in node.elements where child.namespace == Namespace.table {
            switch child.name {
            case "table-row": rows.append(child)
            case "table-header-rows", "table-row-group", "table-rows": rows += rowElements(child)
            default: continue
            }
        }
        return rows
    }

    /// The cells of a row, from column A; empty trailing cells dropped, empty repeated cells counted but
    /// not unpacked unless a cell with text follows.
    private func cells(of row: XMLNode, number: Int, spaces: SpaceBudget) throws(RosterError) -> [String] {
        var cells: [String] = []
        var pendingEmpty = 0
        for cell in row.elements
        where cell.namespace == Namespace.table && (cell.name == "table-cell" || cell.name == "covered-table-cell") {
            let repeated = Self.count(cell, "number-columns-repeated")
            let text = Self.text(of: cell, spaces: spaces)
            if text.isEmpty { pendingEmpty += repeated; continue }
            guard cells.count + pendingEmpty + repeated <= CellGrid.maximumColumns else {
                throw RosterError(file: file, .tooManyColumns(row: number, limit: CellGrid.maximumColumns))
            }
            cells += repeatElement("", count: pendingEmpty)
            cells += repeatElement(text, count: repeated)
            pendingEmpty = 0
        }
        return cells
    }

    /// A repetition count attribute, from 1 up to a spreadsheet's 2^20 rows (so sums of counts cannot overflow).
    private static func count(_ node: XMLNode, _ attribute: String) -> Int {
        min(1 << 20, max(1, node.attribute(Namespace.table, attribute).flatMap { Int($0) } ?? 1))
    }

    /// The text of a cell: a number's value for float cells (when it can be written exactly), else its
    /// paragraphs, one per line.
    static func text(of cell: XMLNode, spaces: SpaceBudget) -> String {
        if cell.attribute(Namespace.office, "value-type") == "float",
           let value = cell.attribute(Namespace.office, "value").flatMap(RosterNumber.decimal),
           let text = RosterNumber.text(value) {
            return text
        }
        let lines = cell.elements.filter { $0.is(Namespace.text, "p") || $0.is(Namespace.text, "h") }
        return lines.map { paragraphText($0, spaces: spaces) }.joined(separator: "\n")
    }

    /// The text of a paragraph, with ODF's white-space rules: spaces, tabs and line feeds in the XML collapse
    /// to one space; `text:s` (with `text:c`, from the sheet's budget), `text:tab` and `text:line-break` are
    /// kept as written.
    static func paragraphText(_ paragraph: XMLNode, spaces: SpaceBudget) -> String {
        var text = WhiteSpaceText()
        append(paragraph, to: &text, spaces: spaces)
        return text.result
    }

    private static func append(_ node: XMLNode, to text: inout WhiteSpaceText, spaces: SpaceBudget) {
        for child in node.children {
            if child.isText { text.collapsing(child.content); continue }
            guard child.isElement else { continue }
            switch (child.namespace, child.name) {
            case (Namespace.text, "s"):
                let count = min(1000, max(1, Int(child.attribute(Namespace.text, "c") ?? "") ?? 1))
                text.literal(String(repeating: " ", count: spaces.take(count)))
            case (Namespace.text, "tab"): text.literal("\t")
            case (Namespace.text, "line-break"): text.literal("\n")
            case (Namespace.office, "annotation"), (Namespace.office, "annotation-end"), (Namespace.text, "note"):
                continue
            default: append(child, to: &text, spaces: spaces)
            }
        }
    }

    /// Paragraph text being built under ODF's white-space collapsing: a run of white space becomes one
    /// space, none at the start or end of the paragraph.
    private struct WhiteSpaceText {
        private(set) var result = ""
        private var pendingSpace = false

        mutating func collapsing(_ raw: String) {
            for scalar in raw.unicodeScalars {
                if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                    pendingSpace = !result.isEmpty
                } else {
                    flush()
                    result.unicodeScalars.append(scalar)
                }
            }
        }

        mutating func literal(_ text: String) {
            flush()
            result += text
        }

        private mutating func flush() {
            if pendingSpace { result.unicodeScalars.append(" ") }
            pendingSpace = false
        }
    }
}
