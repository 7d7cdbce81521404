import ShufaODF
import ShufaText

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
                let location = RecordLocation(file: file, row: header.number, unit: "row")
                notes.append(RosterProblem(.warning, .controlCharactersInHeader(removed), at: location,
                                           field: Self.columnLabel(index)))
            }
            let kind = classify(
                written, index: index, header: header, body: body, file: file, indicatorNames: indicatorNames)
            kinds.append(kind)
            guard let key = kind.key else { continue }
            if let other = columnOf[key] {
                let fault = RosterFault.sameColumn(CellGrid.columnName(other), CellGrid.columnName(index),
                                                   row: header.number, field: FieldNames.label(key))
                throw RosterError(file: file, fault)
            }
            columnOf[key] = index
            labels[key] = written
        }
        let missing = (FieldNames.required + ["year"]).filter { columnOf[$0] == nil }
        guard missing.isEmpty else {
            throw RosterError(file: file, .missingColumns(row: header.number, fields: missing.map(FieldNames.label)))
        }
    }

    private mutating func classify(
        _ written: String, index: Int, header: CellGrid.Row, body: [CellGrid.Row], file: String,
        indicatorNames: Set<String>
    ) -> Kind {
        let values = {
            body.lazy.map { index < $0.cells.count ? $0.cells[index].trimmingSpaces : "" }.filter { !$0.isEmpty }
        }
        let location = RecordLocation(file: file, row: header.number, unit: "row")
        if written.isEmpty {
            if !values().isEmpty {
                notes.append(RosterProblem(.warning, .unnamedColumn, at: location, field: Self.columnLabel(index)))
            }
            return .ignored
        }
        if let key = FieldNames.key(forHeader: written) {
            guard key != "indicators" && key != "leaders" else {
                notes.append(RosterProblem(.warning, .indicatorsColumn, at: location, field: written))
                return .ignored
            }
            return .field(key)
        }
        if indicatorNames.contains(written) || values().isEmpty || values().contains(where: Self.isNumber) {
            return .indicator(written)
        }
        notes.append(RosterProblem(.warning, .ignoredColumn(CellGrid.columnName(index)), at: location, field: written))
        return .ignored
    }

    /// How a column without a usable header is named in problems: 「C 列」.
    static func columnLabel(_ index: Int) -> String { "\(CellGrid.columnName(index)) 列" }

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
