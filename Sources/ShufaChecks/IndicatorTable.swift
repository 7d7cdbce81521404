import ShufaCatalog
import ShufaText

/// Indicator values (指标) read from a document's tables: a row that starts with one of the role's
/// indicator names gives its value in the column headed 「本年度」 (or 数值/实际/完成), or else in its first
/// cell that starts with a number and is not a minimum (「≥60学时」「不少于」).
enum IndicatorTable {
    private static let valueHeaders = ["本年度", "数值", "实际", "完成", "填报"]

    /// The values found, by indicator name.
    static func values(_ tables: [[[String]]], role: Role?) -> [String: Double] {
        let names = Set(role?.minimums.map(\.indicator) ?? [])
        var values: [String: Double] = [:]
        for table in tables {
            let header = table.first { row in row.contains { cell in valueHeaders.contains(where: cell.contains) } }
            let column = header?.firstIndex { cell in valueHeaders.contains(where: cell.contains) }
            for row in table {
                guard let nameColumn = row.firstIndex(where: names.contains) else { continue }
                let candidates = column.map { [$0] } ?? Array(row.indices.dropFirst(nameColumn + 1))
                let cells = candidates.lazy.filter { $0 < row.count && $0 != nameColumn }
                if let value = cells.compactMap({ number(row[$0]) }).first {
                    values[row[nameColumn]] = value
                }
            }
        }
        return values
    }

    /// The number a cell starts with (「48」「48学时」「4 次」), nil for a minimum or no number.
    static func number(_ cell: String) -> Double? {
        let text = cell.trimmingSpaces
        guard !text.hasPrefix("≥"), !text.hasPrefix(">="), !text.hasPrefix("不少于") else { return nil }
        guard let match = text.prefixMatch(of: /\d+(?:\.\d+)?/) else { return nil }
        return Double(match.output)
    }
}
