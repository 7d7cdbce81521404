import Foundation
import ShufaText

/// The rows of one sheet of a table file (CSV, TSV, ODS, FODS, XLSX), read with the roster readers and
/// their rules: encodings detected, repeated and missing cells placed by column, row numbers as the
/// spreadsheet shows them, size limits. For later stages that read tables of their own (the tally).
public struct SheetRows: Sendable, Equatable {
    /// One row holding at least one non-empty cell.
    public struct Row: Sendable, Equatable {
        /// The row number a spreadsheet program shows (1-based).
        public var number: Int
        /// The cells' texts from column A on, as the program shows them.
        public var cells: [String]

        /// The text in column `index` ("" past the row's last cell).
        public subscript(index: Int) -> String { index < cells.count ? cells[index] : "" }
    }

    /// The file's name, for messages.
    public var file: String
    /// The sheet read (nil for CSV/TSV).
    public var sheet: String?
    public var rows: [Row]

    /// Reads the sheet `sheet` (the first when nil) of the table file `file` held in `data`; its extension
    /// says the format.
    /// - Throws: `RosterError` when the file cannot be read as a table.
    public static func read(
        _ data: Data, file: String, sheet: String? = nil,
        encoding: TextEncoding? = nil
    ) throws(RosterError) -> SheetRows {
        guard let format = RosterFormat(pathExtension: (file as NSString).pathExtension), format.isTable else {
            throw RosterError(file: file, .notTable)
        }
        guard !data.isEmpty else { throw RosterError(file: file, .empty) }
        let grid: CellGrid
        switch format {
        case .csv, .tsv:
            let reader = CSVReader(delimiter: UInt8(ascii: format == .csv ? "," : "\t"), file: file)
            grid = try reader.grid(Array(data), encoding: encoding)
        case .ods, .fods: grid = try ODSReader(file: file, sheet: sheet).grid(data)
        case .xlsx: grid = try XLSXReader(file: file, sheet: sheet).grid(data)
        case .json, .yaml: preconditionFailure("not a table format")
        }
        let name = format.isText ? nil : sheet ?? (try? firstSheetName(data, file: file, format: format)) ?? nil
        return SheetRows(file: file, sheet: name, rows: grid.rows.map { Row(number: $0.number, cells: $0.cells) })
    }

    /// The name of a workbook's first sheet, as its listing gives it (for messages).
    private static func firstSheetName(_ data: Data, file: String, format: RosterFormat) throws(RosterError) -> String?
    {
        let text: String
        let pattern: String
        if format == .xlsx {
            guard let bytes = try SpreadsheetArchive(data, file: file, kind: .xlsx).part("xl/workbook.xml")
            else { return nil }
            text = String(decoding: bytes, as: UTF8.self)
            pattern = #"<(\w+:)?sheet\s[^>]*?\bname="([^"]*)""#
        } else {
            let bytes =
                data.starts(with: [0x50, 0x4B])
                ? try SpreadsheetArchive(data, file: file, kind: .ods).part("content.xml") ?? []
                : Array(data)
            text = String(decoding: bytes, as: UTF8.self)
            pattern = #"<table:table\s[^>]*?\btable:name="([^"]*)""#
        }
        guard let match = text.firstMatch(of: try! Regex(pattern)), let name = match.output.last?.substring else {
            return nil
        }
        return XMLDocumentText.unescaped(String(name))
    }

    /// A spreadsheet column's letters: 0 → A, 25 → Z, 26 → AA.
    public static func columnName(_ index: Int) -> String { CellGrid.columnName(index) }

    /// A number as shufa writes it into documents: 4 rather than 4.0.
    public static func format(_ number: Double) -> String { NumberText.plain(number) }
}
