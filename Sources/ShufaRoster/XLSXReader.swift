import Foundation
import ShufaText
import ShufaXML

/// Reads an Office Open XML workbook (.xlsx, as Excel and WPS save it): the first sheet, or the one named
/// by `--sheet`. Cells are located by their references ("C5"), so rows and cells left out of the file
/// (empty ones) keep every other cell in its column and row. Shared strings, inline strings, formula
/// strings, numbers, booleans and error values are read as the texts a spreadsheet program shows.
package struct XLSXReader {
    let file: String
    let sheet: String?

    func grid(_ data: Data) throws(RosterError) -> CellGrid {
        let archive = try SpreadsheetArchive(data, file: file, kind: .xlsx)
        let workbook = try Workbook(archive: archive)
        let sheetPath = try workbook.sheetPath(named: sheet)
        let strings = try workbook.sharedStrings()
        let document = try archive.xml(sheetPath, missing: .missingSheetPart(sheetPath))
        return try rows(document, strings: strings)
    }

    /// The rows of a worksheet part.
    private func rows(_ document: XMLDocument, strings: [String]) throws(RosterError) -> CellGrid {
        guard let data = document.root?.element(named: "sheetData") else {
            throw RosterError(file: file, .noSheetData)
        }
        var grid = CellGrid()
        var number = 0
        try data.forEachElement(named: "row") { (row) throws(RosterError) in
            number = try rowNumber(row.attribute(unqualified: "r"), after: number)
            try grid.append(number: number, cells: cells(of: row, number: number, strings: strings), file: file)
        }
        return grid
    }

    /// The most rows a worksheet has (Excel's limit).
    static let maximumRowNumber = 1 << 20

    /// A row's number: its `r` when it has one (a row given an earlier number follows the one before it,
    /// as spreadsheet programs read it), else the next one.
    /// - Throws: when `r` is not a number from 1 to `maximumRowNumber`, or the rows run past it.
    private func rowNumber(_ written: String?, after previous: Int) throws(RosterError) -> Int {
        guard let written else {
            guard previous < Self.maximumRowNumber else {
                throw RosterError(file: file, .badRowNumber(String(previous + 1), limit: Self.maximumRowNumber))
            }
            return previous + 1
        }
        guard let value = Int(written.trimmingWhiteSpace), (1...Self.maximumRowNumber).contains(value),
            previous < Self.maximumRowNumber
        else { throw RosterError(file: file, .badRowNumber(written, limit: Self.maximumRowNumber)) }
        return max(value, previous + 1)
    }

    /// The texts of a row's cells, placed by reference (or after the previous cell when a cell has none).
    private func cells(of row: XMLNode, number: Int, strings: [String]) throws(RosterError) -> [String] {
        var cells: [String] = []
        try row.forEachElement(named: "c") { (cell) throws(RosterError) in
            let column = cell.attribute(unqualified: "r").flatMap { Self.column(of: $0) } ?? cells.count
            guard column < CellGrid.maximumColumns else {
                throw RosterError(file: file, .tooManyColumns(row: number, limit: CellGrid.maximumColumns))
            }
            let text = try value(of: cell, strings: strings, reference: "\(CellGrid.columnName(column))\(number)")
            if column >= cells.count { cells += repeatElement("", count: column - cells.count + 1) }
            cells[column] = text
        }
        return cells
    }

    /// The 0-based column of a reference like "C5".
    static func column(of reference: String) -> Int? {
        CellGrid.columnIndex(letters: reference.utf8.prefix { !(48...57).contains($0) })
    }

    /// What a spreadsheet program shows in the cell.
    private func value(of cell: XMLNode, strings: [String], reference: String) throws(RosterError) -> String {
        let raw = cell.element(named: "v")?.content
        switch cell.attribute(unqualified: "t") {
        case "s":
            guard let index = raw.flatMap({ Int($0.trimmingSpaces) }), strings.indices.contains(index) else {
                throw RosterError(file: file, .missingSharedString(cell: reference))
            }
            return strings[index]
        case "inlineStr": return cell.element(named: "is").map(Self.richText) ?? ""
        case "b": return raw == "1" ? "TRUE" : raw == "0" ? "FALSE" : raw ?? ""
        case "str", "e", "d": return Self.unescaped(raw ?? "")
        default:
            guard let raw else { return "" }
            guard let number = RosterNumber.decimal(raw) else { return raw }
            return RosterNumber.text(number) ?? raw.trimmingWhiteSpace
        }
    }

    /// The text of a shared or inline string: its `t`, or the `t` of each rich-text run; phonetic
    /// guides (`rPh`) left out.
    static func richText(_ item: XMLNode) -> String {
        if let plain = item.element(named: "t") { return unescaped(plain.content) }
        return item.elements(named: "r").map { run in run.element(named: "t").map { unescaped($0.content) } ?? "" }
            .joined()
    }

    /// Excel's escapes for characters XML cannot carry: `_x000D_` is a carriage return, `_x005F_` an underscore.
    static func unescaped(_ text: String) -> String {
        guard Self.mayNeedRewriting(text) else { return text }
        var result = "", rest = Substring(text)
        while let start = rest.range(of: "_x") {
            let hex = rest[start.upperBound...].prefix(5)
            if hex.count == 5, hex.last == "_", let code = UInt32(hex.dropLast(), radix: 16),
                let scalar = UnicodeScalar(code)
            {
                result += rest[..<start.lowerBound]
                result.unicodeScalars.append(scalar)
                rest = rest[rest.index(start.upperBound, offsetBy: 5)...]
            } else {
                result += rest[..<start.upperBound]
                rest = rest[start.upperBound...]
            }
        }
        return CellGrid.normalizingLineBreaks(result + rest)
    }

    /// True when `text` may hold an `_xHHHH_` escape or a carriage return (byte scans: much faster than a
    /// Foundation search).
    private static func mayNeedRewriting(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.contains(13) || bytes.contains(UInt8(ascii: "_"))
        } ?? true
    }

    /// The workbook part and its relationships: which sheet is where, where the shared strings are.
    private struct Workbook {
        let archive: SpreadsheetArchive
        let path: String
        let sheets: [(name: String, target: String)]
        let relationships: [(type: String, target: String)]

        private static let officeDocument = "/officeDocument"

        init(archive: SpreadsheetArchive) throws(RosterError) {
            self.archive = archive
            let root = try Self.relationships(archive, at: "_rels/.rels")
            let path =
                root.first { $0.type.hasSuffix(Self.officeDocument) }.map { Self.resolve($0.target, from: "") }
                ?? "xl/workbook.xml"
            self.path = path
            let workbook = try archive.xml(path, missing: .noWorkbook(path))
            let ids = try Self.relationships(archive, at: Self.relationshipsPath(of: path))
            relationships = ids.map { ($0.type, $0.target) }
            let list = workbook.root?.element(named: "sheets")?.elements(named: "sheet") ?? []
            sheets = list.map { sheet in
                let id = sheet.attribute(anyNamespace: "id") ?? ""
                return (
                    sheet.attribute(unqualified: "name") ?? "",
                    ids.first { $0.id == id }.map { Self.resolve($0.target, from: path) } ?? ""
                )
            }
        }

        func sheetPath(named name: String?) throws(RosterError) -> String {
            guard let name else {
                guard let first = sheets.first, !first.target.isEmpty else {
                    throw RosterError(file: archive.file, .noSheets)
                }
                return first.target
            }
            guard let match = sheets.first(where: { $0.name == name }), !match.target.isEmpty else {
                throw RosterError(file: archive.file, .unknownSheet(name, sheets: sheets.map(\.name)))
            }
            return match.target
        }

        func sharedStrings() throws(RosterError) -> [String] {
            let target =
                relationships.first { $0.type.hasSuffix("/sharedStrings") }.map { Self.resolve($0.target, from: path) }
                ?? "xl/sharedStrings.xml"
            guard let bytes = try archive.part(target) else { return [] }
            let document = try SpreadsheetArchive.parse(bytes, file: archive.file, part: target)
            return document.root?.elements(named: "si").map(XLSXReader.richText) ?? []
        }

        /// `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
        static func relationshipsPath(of part: String) -> String {
            let slash = part.lastIndex(of: "/")
            let folder = slash.map { String(part[...$0]) } ?? ""
            let name = slash.map { String(part[part.index(after: $0)...]) } ?? part
            return "\(folder)_rels/\(name).rels"
        }

        /// A relationship target, relative to the part's folder unless it starts with "/".
        static func resolve(_ target: String, from part: String) -> String {
            if target.hasPrefix("/") { return String(target.dropFirst()) }
            var components = part.split(separator: "/").dropLast().map(String.init)
            for piece in target.split(separator: "/") {
                if piece == ".." { _ = components.popLast() } else if piece != "." { components.append(String(piece)) }
            }
            return components.joined(separator: "/")
        }

        /// The relationships of a part, from its `.rels` part (none when it has none).
        private static func relationships(
            _ archive: SpreadsheetArchive, at path: String
        ) throws(RosterError) -> [(id: String, type: String, target: String)] {
            guard let bytes = try archive.part(path) else { return [] }
            let document = try SpreadsheetArchive.parse(bytes, file: archive.file, part: path)
            return (document.root?.elements(named: "Relationship") ?? []).map {
                (
                    $0.attribute(unqualified: "Id") ?? "", $0.attribute(unqualified: "Type") ?? "",
                    $0.attribute(unqualified: "Target") ?? ""
                )
            }
        }
    }
}
