import ShufaODF

/// A roster kept as a table (CSV, TSV, ODS, FODS, XLSX): a header row naming the columns, then one row
/// per leader. Headers are English keys or Chinese column names; `年度`/`year` is a column, the same in
/// every row; any other column is an indicator when its values are numbers, and is otherwise ignored
/// with a note. Rows become records for the same `RecordValidator` as JSON and YAML.
struct TableRoster {
    let catalog: Catalog
    let file: String

    /// How many rows at the top may come before the header row (a title, a blank line).
    static let headerSearchRows = 10

    func roster(from grid: CellGrid) throws(RosterError) -> Roster {
        let headerIndex = try self.headerIndex(grid.rows)
        let header = grid.rows[headerIndex]
        let body = Array(grid.rows[(headerIndex + 1)...])
        var stats = ColumnStats(header: header)
        for row in body { stats.add(row.cells) }
        let columns = try TableColumns(header: header, stats: stats, file: file, indicatorNames: knownIndicators)
        let year = try rosterYear(body, column: columns.index(of: "year"))
        let organization = Self.mostCommon(body.map { columns.cell("organization", in: $0).trimmingSpaces }.filter { !$0.isEmpty }) ?? ""
        var validator = RecordValidator(catalog: catalog, year: year, organization: organization, labels: columns.labels)
        for row in body where columns.hasData(row.cells) {
            validator.add(columns.record(row.cells), at: RecordLocation(file: file, row: row.number, unit: "row"), normalized: true)
        }
        let notes = self.notes(columns, rows: grid.rows, headerIndex: headerIndex)
        return Roster(organization: organization, year: year, leaders: validator.leaders,
                      problems: notes + validator.problems)
    }

    /// True for a header row: one that names at least two known columns.
    static func isHeader(_ cells: [String]) -> Bool { knownFieldCount(cells) >= 2 }

    /// The column of the header row that gives the field `key` (the first, should two give it).
    static func column(_ key: String, in header: CellGrid.Row) -> Int? {
        header.cells.firstIndex { FieldNames.key(forHeader: TableColumns.clean($0)) == key }
    }

    /// Where the header row is among the sheet's first rows (`isHeader`).
    func headerIndex(_ rows: [CellGrid.Row]) throws(RosterError) -> Int {
        guard let headerIndex = rows.prefix(Self.headerSearchRows).firstIndex(where: { Self.isHeader($0.cells) }) else {
            throw RosterError(file: file, message: rows.isEmpty ? "the sheet has no rows with data"
                : "no header row found in the first \(Self.headerSearchRows) rows: the first row must name the columns "
                    + "(编号, 姓名, 单位, 职务, 类别, 年度, …, or id, name, unit, position, role, year)")
        }
        return headerIndex
    }

    /// The notes about the columns, and about rows above the header (`rows` from the sheet's first).
    func notes(_ columns: TableColumns, rows: [CellGrid.Row], headerIndex: Int) -> [RosterProblem] {
        var notes = columns.notes
        if headerIndex > 0 {
            let above = "the \(headerIndex) row(s) with data above the header row (row \(rows[headerIndex].number)) "
                + "were not read"
            notes.insert(note(at: rows[0].number, above), at: 0)
        }
        return notes
    }

    private func note(at row: Int, _ message: String) -> RosterProblem {
        RosterProblem(severity: .warning, location: RecordLocation(file: file, row: row, unit: "row"), message: message)
    }

    /// The indicator names the catalog sets minimums for: such a column is an indicator whatever it holds.
    var knownIndicators: Set<String> { Set(catalog.roles.flatMap { $0.minimums.map(\.indicator) }) }

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
              RosterReader.years.contains(year) else { return nil }
        return year
    }

    /// The most common of the years the rows give.
    func rosterYear(_ years: [Int]) throws(RosterError) -> Int {
        guard let year = Self.mostCommon(years) else {
            throw RosterError(file: file, message: "no row gives a year between \(RosterReader.years.lowerBound) and \(RosterReader.years.upperBound) in the 年度 (year) column: write the roster's year, such as 2025, in every row")
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

/// What each column of a table holds, decided from its header and its values.
struct TableColumns {
    enum Kind: Equatable {
        /// A field of the roster contract, by English key.
        case field(String)
        /// An indicator named by the header.
        case indicator(String)
        case ignored
    }

    private(set) var kinds: [Kind] = []
    /// The header as written, by key (or indicator name), for messages.
    private(set) var labels: [String: String] = [:]
    /// Notes about ignored columns.
    private(set) var notes: [RosterProblem] = []

    /// Classifies the header's columns, from what the rows below it hold (`stats`).
    /// - Throws: when two columns give the same field, or a required column is missing.
    init(header: CellGrid.Row, stats: ColumnStats, file: String, indicatorNames: Set<String>) throws(RosterError) {
        var columnOf: [String: Int] = [:]
        for index in 0..<stats.width {
            let raw = index < header.cells.count ? header.cells[index] : ""
            let written = Self.clean(raw)
            let removed = XMLEscaping.removingForbidden(raw).removed
            if removed > 0 {
                notes.append(RosterProblem(severity: .warning, location: RecordLocation(file: file, row: header.number, unit: "row"),
                                           field: "column \(CellGrid.columnName(index))", message: "removed \(removed) control character(s) that XML does not allow from the header"))
            }
            let kind = classify(written, index: index, header: header, stats: stats, file: file,
                                indicatorNames: indicatorNames)
            kinds.append(kind)
            guard let key = kind.key else { continue }
            if let other = columnOf[key] {
                throw RosterError(file: file, message: "columns \(CellGrid.columnName(other)) and \(CellGrid.columnName(index)) (row \(header.number)) both give \(FieldNames.label(key)): keep one of them")
            }
            columnOf[key] = index
            labels[key] = written
        }
        let missing = (FieldNames.required + ["year"]).filter { columnOf[$0] == nil }
        guard missing.isEmpty else {
            throw RosterError(file: file, message: "the header row (row \(header.number)) has no column for \(missing.map(FieldNames.label).joined(separator: ", ")): add the column(s), headed with the Chinese name or the English key")
        }
    }

    private mutating func classify(_ written: String, index: Int, header: CellGrid.Row, stats: ColumnStats,
                                   file: String, indicatorNames: Set<String>) -> Kind {
        let location = RecordLocation(file: file, row: header.number, unit: "row")
        let column = "column \(CellGrid.columnName(index))"
        if written.isEmpty {
            if stats.hasValue[index] {
                notes.append(RosterProblem(severity: .warning, location: location, field: column,
                                           message: "has values but no header: ignored; give it a header to use it"))
            }
            return .ignored
        }
        if let key = FieldNames.key(forHeader: written) {
            guard key != "indicators" && key != "leaders" else {
                notes.append(RosterProblem(severity: .warning, location: location, field: written, message: "ignored: in a table, each indicator has a column of its own, headed with the indicator's name"))
                return .ignored
            }
            return .field(key)
        }
        if indicatorNames.contains(written) || !stats.hasValue[index] || stats.hasNumber[index] {
            return .indicator(written)
        }
        notes.append(RosterProblem(severity: .warning, location: location, field: written,
                                   message: "not a roster field and holds no numbers, so it is not an indicator: ignored (\(column))"))
        return .ignored
    }

    /// A header as compared: characters XML forbids removed, spaces trimmed.
    static func clean(_ header: String) -> String { XMLEscaping.removingForbidden(header).text.trimmingSpaces }

    static func isNumber(_ text: String) -> Bool { RosterNumber.decimal(text) != nil }

    func index(of key: String) -> Int? { kinds.firstIndex(of: .field(key)) }

    /// The cell of a field's column in a row ("" when the row is shorter or there is no such column).
    func cell(_ key: String, in row: CellGrid.Row) -> String {
        guard let index = index(of: key), index < row.cells.count else { return "" }
        return row.cells[index]
    }

    /// True when a cell of a used column (a field or an indicator) holds text: other rows are no leader's.
    func hasData(_ cells: [String]) -> Bool {
        zip(kinds, cells).contains { kind, text in kind != .ignored && !text.trimmingWhiteSpace.isEmpty }
    }

    /// A row as a record in the roster contract's shape: fields by key, indicators as a map.
    func record(_ cells: [String]) -> [String: Any] {
        var record: [String: Any] = [:]
        var indicators: [String: Any] = [:]
        for (index, kind) in kinds.enumerated() {
            let text = index < cells.count ? cells[index] : ""
            switch kind {
            case .field(let key): record[key] = text
            case .indicator(let name) where !text.trimmingWhiteSpace.isEmpty: indicators[name] = text
            case .indicator, .ignored: continue
            }
        }
        record["indicators"] = indicators
        return record
    }
}

extension TableColumns.Kind {
    /// The key this column fills, for duplicate checks and labels.
    var key: String? {
        switch self {
        case .field(let key), .indicator(let key): return key
        case .ignored: return nil
        }
    }
}

/// What the rows below a header hold, column by column, as far as telling the columns apart needs: how many
/// columns the widest row has, and which columns hold a value, and a number, in any row.
struct ColumnStats {
    private(set) var width: Int
    private(set) var hasValue: [Bool]
    private(set) var hasNumber: [Bool]

    init(header: CellGrid.Row) {
        width = header.cells.count
        hasValue = Array(repeating: false, count: width)
        hasNumber = hasValue
    }

    mutating func add(_ cells: [String]) {
        if cells.count > width {
            hasValue += Array(repeating: false, count: cells.count - width)
            hasNumber += Array(repeating: false, count: cells.count - width)
            width = cells.count
        }
        for (index, cell) in cells.enumerated() where !hasNumber[index] {
            let value = cell.trimmingSpaces
            guard !value.isEmpty else { continue }
            hasValue[index] = true
            if TableColumns.isNumber(value) { hasNumber[index] = true }
        }
    }
}
