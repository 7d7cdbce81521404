import Foundation

/// A JSON number as `JSONSerialization` gives it: an integer as `Int64` (negative) or `UInt64` when it fits, a
/// number of more than 17 digits as a decimal when its exponent allows, anything else as a `Double`.
enum JSONNumber {
    /// The number `text` (JSON number syntax, checked) writes; nil when none of those holds it (beyond a `Double`).
    static func value(_ text: String) -> NSNumber? {
        let utf8 = text.utf8
        let exponent = utf8.firstIndex(of: UInt8(ascii: "e"))
        let digits = utf8[..<(exponent ?? utf8.endIndex)].count
        if exponent == nil && !utf8.contains(UInt8(ascii: ".")) {
            if utf8.first == UInt8(ascii: "-") {
                if digits <= 19, let integer = Int64(text) { return NSNumber(value: integer) }
            } else if digits <= 20, let integer = UInt64(text) {
                return NSNumber(value: integer)
            }
        }
        let power = exponent.flatMap { Int(text[utf8.index(after: $0)...]) } ?? 0
        if digits > 17, (-128...127).contains(power), let decimal = Decimal(string: text), decimal.isFinite {
            return NSDecimalNumber(decimal: decimal)
        }
        guard let double = Double(text), double.isFinite else { return nil }
        return NSNumber(value: double)
    }
}
