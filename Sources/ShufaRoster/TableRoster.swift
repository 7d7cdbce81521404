import ShufaODF
import ShufaText

/// A roster kept as a table (CSV, TSV, ODS, FODS, XLSX): a header row naming the columns, then one row
/// per leader. Headers are English keys or Chinese column names; `年度`/`year` is a column, the same in
/// every row; any other column is an indicator when its values are numbers, and is otherwise ignored
/// with a note. Rows become records for the same `RecordValidator` as JSON and YAML.
struct TableRoster {
    let vocabulary: RosterVocabulary
    let file: String

    /// How many rows at the top may come before the header row (a title, a blank line).
    static let headerSearchRows = 10

    func roster(from grid: CellGrid) throws(RosterError) -> Roster {
        let headerIndex = try self.headerIndex(grid.rows)
        let header = grid.rows[headerIndex]
        let body = Array(grid.rows[(headerIndex + 1)...])
        var stats = ColumnStats(header: header)
        for row in body { stats.add(row.cells) }
        let columns = try TableColumns(header: header, stats: stats, file: file, indicatorNames: vocabulary.indicators)
        let year = try rosterYear(body, column: columns.index(of: "year"))
        let organization =
            Self.mostCommon(body.map { columns.cell("organization", in: $0).trimmingSpaces }.filter { !$0.isEmpty })
            ?? ""
        var validator = RecordValidator(
            vocabulary: vocabulary, year: year, organization: organization, labels: columns.labels)
        let rows = body.filter { columns.hasData($0.cells) }
        validator.add(
            contentsOf: rows.map { columns.record($0.cells) },
            at: rows.map { RecordLocation(file: file, row: $0.number, unit: "row") }, normalized: true)
        let notes = self.notes(columns, rows: grid.rows, headerIndex: headerIndex)
        return Roster(
            organization: organization, year: year, leaders: validator.leaders, problems: notes + validator.problems)
    }

    /// True for a header row: one that names at least two known columns.
    static func isHeader(_ cells: [String]) -> Bool { knownFieldCount(cells) >= 2 }

    /// The column of the header row that gives the field `key` (the first, should two give it).
    static func column(_ key: String, in header: CellGrid.Row) -> Int? {
        header.cells.firstIndex { FieldNames.key(forHeader: TableColumns.clean($0)) == key }
    }

    /// Where the header row is among the sheet's first rows (`isHeader`).
    func headerIndex(_ rows: [CellGrid.Row]) throws(RosterError) -> Int {
        guard let headerIndex = rows.prefix(Self.headerSearchRows).firstIndex(where: { Self.isHeader($0.cells) })
        else {
            throw RosterError(file: file, rows.isEmpty ? .noRows : .noHeader(searchedRows: Self.headerSearchRows))
        }
        return headerIndex
    }

    /// The notes about the columns, and about rows above the header (`rows` from the sheet's first).
    func notes(_ columns: TableColumns, rows: [CellGrid.Row], headerIndex: Int) -> [RosterProblem] {
        var notes = columns.notes
        if headerIndex > 0 {
            let location = RecordLocation(file: file, row: rows[0].number, unit: "row")
            let fault = RosterFault.rowsAboveHeader(count: headerIndex, headerRow: rows[headerIndex].number)
            notes.insert(RosterProblem(.warning, fault, at: location), at: 0)
        }
        return notes
    }

    private static func knownFieldCount(_ cells: [String]) -> Int {
        Set(cells.compactMap { FieldNames.key(forHeader: TableColumns.clean($0)) }).count
    }

    /// The year most rows give (the earliest row's when tied).
    private func rosterYear(_ body: [CellGrid.Row], column: Int?) throws(RosterError) -> Int {
        try rosterYear(body.compactMap { Self.year(in: $0.cells, column: column) })
    }

    /// The year a row gives in the year column, if it is one.
    static func year(in cells: [String], column: Int?) -> Int? {
        guard let column, column < cells.count, let year = RosterReader.year(cells[column]),
            RosterReader.years.contains(year)
        else { return nil }
        return year
    }

    /// The most common of the years the rows give.
    func rosterYear(_ years: [Int]) throws(RosterError) -> Int {
        guard let year = Self.mostCommon(years) else {
            throw RosterError(file: file, .noYearColumn(years: RosterReader.years))
        }
        return year
    }

    /// The most frequent value, the first one seen when tied; nil when there is none.
    static func mostCommon<T: Hashable>(_ values: [T]) -> T? {
        var counts: [T: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        var best: T?
        for value in values where best == nil || counts[value]! > counts[best!]! { best = value }
        return best
    }
}
