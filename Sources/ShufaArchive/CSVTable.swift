/// A CSV file as spreadsheet programs open it: UTF-8 with a byte-order mark (so Excel reads Chinese), CRLF
/// line ends, fields quoted when needed, and text that would start a formula (=, +, -, @) kept as text.
struct CSVTable {
    private(set) var text = "\u{FEFF}"

    init(header: [String]) { append(header) }

    mutating func append(_ fields: [String]) {
        text += fields.map(Self.field).joined(separator: ",") + "\r\n"
    }

    private static func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
