import Foundation
import ShufaKit

/// The columns of a header row, by the header text as written (trimmed), and the texts of a row's cells
/// by header.
struct HeaderColumns {
    /// The header row's number.
    let row: Int
    private let index: [String: Int]
    private let location: SheetLocation

    init(_ header: SheetRows.Row, location: SheetLocation) {
        var index: [String: Int] = [:]
        for (column, text) in header.cells.enumerated() {
            let name = Self.clean(text)
            if !name.isEmpty && index[name] == nil { index[name] = column }
        }
        self.row = header.number
        self.index = index
        self.location = location
    }

    /// A header as compared: white space (also inside, as in 「应到 人数」) and line breaks removed.
    static func clean(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    func has(_ name: String) -> Bool { index[name] != nil }

    /// The names of `names` missing from the header.
    func missing(_ names: [String]) -> [String] { names.filter { index[$0] == nil } }

    /// The trimmed text under `name` in `row` ("" without such a column).
    func text(_ name: String, in row: SheetRows.Row) -> String {
        guard let column = index[name] else { return "" }
        return Self.trimmed(row[column])
    }

    /// Without leading and trailing white space, looked at scalar by scalar (much faster than Foundation's
    /// trimming on the many short cells of a ballot file).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return text }
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }

    /// Where the cell under `name` in `row` is.
    func cell(_ name: String, in row: SheetRows.Row) -> SheetLocation {
        var cell = location
        cell.row = row.number
        cell.column = index[name].map(SheetRows.columnName)
        cell.header = name
        return cell
    }

    /// Where `row` is.
    func place(_ row: SheetRows.Row) -> SheetLocation {
        var place = location
        place.row = row.number
        return place
    }

    /// True when any of `names` has text in `row`.
    func hasText(_ names: [String], in row: SheetRows.Row) -> Bool { names.contains { !text($0, in: row).isEmpty } }
}

/// Counts and scores typed by people: 「12」, 「１２」, 「12.0」 and a number cell's text alike.
enum TypedNumber {
    /// A whole number of zero or more; nil for anything else.
    static func count(_ text: String) -> Int? {
        guard let value = number(text), value >= 0, value == value.rounded(), value < 1e9 else { return nil }
        return Int(value)
    }

    /// A finite number; nil for anything else.
    static func number(_ text: String) -> Double? {
        let ascii = String(
            text.unicodeScalars.map { scalar -> Character in
                (0xFF10...0xFF19).contains(scalar.value) || scalar.value == 0xFF0E
                    ? Character(UnicodeScalar(scalar.value - 0xFEE0)!) : Character(scalar)
            }
        ).trimmingCharacters(in: .whitespaces)
        guard let value = Double(ascii), value.isFinite else { return nil }
        return value
    }
}
