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
        guard let headerIndex = grid.rows.prefix(Self.headerSearchRows).firstIndex(where: { Self.knownFieldCount($0.cells) >= 2 }) else {
            throw RosterError(file: file, message: grid.rows.isEmpty ? "the sheet has no rows with data"
                : "no header row found in the first \(Self.headerSearchRows) rows: the first row must name the columns (编号, 姓名, 单位, 职务, 类别, 年度, …, or id, name, unit, position, role, year)")
        }
        let header = grid.rows[headerIndex]
        let body = Array(grid.rows[(headerIndex + 1)...])
        let columns = try TableColumns(header: header, body: body, file: file, indicatorNames: knownIndicators)
        let year = try rosterYear(body, column: columns.index(of: "year"))
        let organization = Self.mostCommon(body.map { columns.cell("organization", in: $0).trimmingSpaces }.filter { !$0.isEmpty }) ?? ""
        var validator = RecordValidator(catalog: catalog, year: year, organization: organization, labels: columns.labels)
        for row in body where columns.hasData(row.cells) {
            validator.add(columns.record(row.cells), at: RecordLocation(file: file, row: row.number, unit: "row"), normalized: true)
        }
        var notes = columns.notes
        if headerIndex > 0 {
            notes.insert(note(at: grid.rows[0].number, "the \(headerIndex) row(s) with data above the header row (row \(header.number)) were not read"), at: 0)
        }
        return Roster(organization: organization, year: year, leaders: validator.leaders, problems: notes + validator.problems)
    }

    private func note(at row: Int, _ message: String) -> RosterProblem {
        RosterProblem(severity: .warning, location: RecordLocation(file: file, row: row, unit: "row"), message: message)
    }

    /// The indicator names the catalog sets minimums for: such a column is an indicator whatever it holds.
    private var knownIndicators: Set<String> { Set(catalog.roles.flatMap { $0.minimums.map(\.indicator) }) }

    private static func knownFieldCount(_ cells: [String]) -> Int {
        Set(cells.compactMap { FieldNames.key(forHeader: TableColumns.clean($0)) }).count
    }

    /// The year most rows give (the earliest row's when tied).
    private func rosterYear(_ body: [CellGrid.Row], column: Int?) throws(RosterError) -> Int {
        let years = body.compactMap { row -> Int? in
            guard let column, column < row.cells.count, let year = RosterReader.year(row.cells[column]), RosterReader.years.contains(year) else { return nil }
            return year
        }
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

    /// Classifies the header's columns.
    /// - Throws: when two columns give the same field, or a required column is missing.
    init(header: CellGrid.Row, body: [CellGrid.Row], file: String, indicatorNames: Set<String>) throws(RosterError) {
        let width = max(header.cells.count, body.map(\.cells.count).max() ?? 0)
        var columnOf: [String: Int] = [:]
        for index in 0..<width {
            let raw = index < header.cells.count ? header.cells[index] : ""
            let written = Self.clean(raw)
            let removed = XMLEscaping.removingForbidden(raw).removed
            if removed > 0 {
                notes.append(RosterProblem(severity: .warning, location: RecordLocation(file: file, row: header.number, unit: "row"),
                                           field: "column \(CellGrid.columnName(index))", message: "removed \(removed) control character(s) that XML does not allow from the header"))
            }
            let kind = classify(written, index: index, header: header, body: body, file: file, indicatorNames: indicatorNames)
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

    private mutating func classify(_ written: String, index: Int, header: CellGrid.Row, body: [CellGrid.Row], file: String,
                                   indicatorNames: Set<String>) -> Kind {
        let values = { body.lazy.map { index < $0.cells.count ? $0.cells[index].trimmingSpaces : "" }.filter { !$0.isEmpty } }
        let location = RecordLocation(file: file, row: header.number, unit: "row")
        let column = "column \(CellGrid.columnName(index))"
        if written.isEmpty {
            if !values().isEmpty { notes.append(RosterProblem(severity: .warning, location: location, field: column, message: "has values but no header: ignored; give it a header to use it")) }
            return .ignored
        }
        if let key = FieldNames.key(forHeader: written) {
            guard key != "indicators" && key != "leaders" else {
                notes.append(RosterProblem(severity: .warning, location: location, field: written, message: "ignored: in a table, each indicator has a column of its own, headed with the indicator's name"))
                return .ignored
            }
            return .field(key)
        }
        if indicatorNames.contains(written) || values().isEmpty || values().contains(where: Self.isNumber) { return .indicator(written) }
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
