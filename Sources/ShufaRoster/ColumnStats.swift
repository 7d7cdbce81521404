import ShufaText

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
