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
        guard
            let headerIndex = grid.rows.prefix(Self.headerSearchRows).firstIndex(where: {
                Self.knownFieldCount($0.cells) >= 2
            })
        else {
            throw RosterError(file: file, grid.rows.isEmpty ? .noRows : .noHeader(searchedRows: Self.headerSearchRows))
        }
        let header = grid.rows[headerIndex]
        let body = Array(grid.rows[(headerIndex + 1)...])
        let columns = try TableColumns(header: header, body: body, file: file, indicatorNames: vocabulary.indicators)
        let year = try rosterYear(body, column: columns.index(of: "year"))
        let organization =
            Self.mostCommon(body.map { columns.cell("organization", in: $0).trimmingSpaces }.filter { !$0.isEmpty })
            ?? ""
        var validator = RecordValidator(
            vocabulary: vocabulary, year: year, organization: organization, labels: columns.labels)
        for row in body where columns.hasData(row.cells) {
            validator.add(
                columns.record(row.cells), at: RecordLocation(file: file, row: row.number, unit: "row"),
                normalized: true)
        }
        var notes = columns.notes
        if headerIndex > 0 {
            let location = RecordLocation(file: file, row: grid.rows[0].number, unit: "row")
            let fault = RosterFault.rowsAboveHeader(count: headerIndex, headerRow: header.number)
            notes.insert(RosterProblem(.warning, fault, at: location), at: 0)
        }
        return Roster(
            organization: organization, year: year, leaders: validator.leaders, problems: notes + validator.problems)
    }

    private static func knownFieldCount(_ cells: [String]) -> Int {
        Set(cells.compactMap { FieldNames.key(forHeader: TableColumns.clean($0)) }).count
    }

    /// The year most rows give (the earliest row's when tied).
    private func rosterYear(_ body: [CellGrid.Row], column: Int?) throws(RosterError) -> Int {
        let years = body.compactMap { row -> Int? in
            guard let column, column < row.cells.count, let year = RosterReader.year(row.cells[column]),
                RosterReader.years.contains(year)
            else { return nil }
            return year
        }
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
