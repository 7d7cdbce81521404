/// The cells of one sheet as a reader found them: every row that holds something, numbered as the
/// spreadsheet shows it (1-based, header row counted), with its cells' texts from column A on.
package struct CellGrid: Sendable, Equatable {
    /// One row that holds at least one non-empty cell.
    struct Row: Sendable, Equatable {
        /// The row number a spreadsheet program shows.
        var number: Int
        var cells: [String]
    }

    /// The most rows with data a roster may have; more is a damaged or hostile file.
    static let maximumRows = 200_000
    /// The most columns a roster may use.
    static let maximumColumns = 1_000

    /// The most cells a sheet may hold, each row counted up to its last cell with text: far beyond any
    /// roster, and a bound on the memory a sparse sheet (one cell far to the right in every row) can take.
    static let maximumCells = 4_000_000

    private(set) var rows: [Row] = []
    /// The cells held, each row counted up to its last cell with text.
    private(set) var cellCount = 0

    /// Adds a row, dropping empty trailing cells and rows without any text.
    /// - Throws: when the sheet passes `maximumRows` rows, `maximumCells` cells or a row `maximumColumns` columns.
    mutating func append(number: Int, cells: [String], file: String) throws(RosterError) {
        var cells = cells
        while let last = cells.last, last.isEmpty { cells.removeLast() }
        guard !cells.isEmpty else { return }
        guard cells.count <= Self.maximumColumns else {
            throw RosterError(file: file, .tooManyColumns(row: number, limit: Self.maximumColumns))
        }
        guard rows.count < Self.maximumRows else {
            throw RosterError(file: file, .tooManyRows(limit: Self.maximumRows))
        }
        try reserve(cells.count, file: file)
        rows.append(Row(number: number, cells: cells))
    }

    /// Counts `count` more cells, refusing them when the sheet would pass `maximumCells` (a row is at most
    /// `maximumColumns` cells, so a sheet is refused long before its cells take much memory).
    private mutating func reserve(_ count: Int, file: String) throws(RosterError) {
        guard count <= Self.maximumCells - cellCount else {
            throw RosterError(file: file, .tooManyCells(limit: Self.maximumCells))
        }
        cellCount += count
    }

    /// A spreadsheet column's letters: 0 → A, 25 → Z, 26 → AA.
    static func columnName(_ index: Int) -> String {
        var name = "", index = index + 1
        while index > 0 {
            let digit = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            index = (index - 1) / 26
        }
        return name
    }

    /// The 0-based column of letters like "C" or "AB"; nil for anything else.
    static func columnIndex<S: Sequence>(letters: S) -> Int? where S.Element == UInt8 {
        var index = 0, count = 0
        for byte in letters {
            let upper = byte & ~0x20
            guard (65...90).contains(upper), count < 4 else { return nil }
            index = index * 26 + Int(upper - 64)
            count += 1
        }
        return count == 0 ? nil : index - 1
    }

    /// Line breaks of any kind (CR LF, CR, LF) as LF, so paragraphs split the same whatever wrote the file.
    static func normalizingLineBreaks(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
