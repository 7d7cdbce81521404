import Foundation
import ShufaText

/// Numbers as roster files hold them, read strictly: a plain decimal (an optional sign, digits, an optional
/// fraction and exponent), never hexadecimal (`0x10`), `inf`, `nan` or digit separators, which `Double(_:)`
/// would take; and written back only when they can be written exactly.
enum RosterNumber {
    /// The value of `text` (spaces around it ignored) when it is a plain, finite decimal number.
    static func decimal(_ text: String) -> Double? {
        let trimmed = text.trimmingWhiteSpace
        guard isDecimal(trimmed.utf8), let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }

    /// How a number is written into a document: a whole number without ".0", another as its shortest
    /// decimal; nil when it cannot be written exactly (a whole number beyond 2^53, a fraction beyond 10^15).
    static func text(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == value.rounded() { return abs(value) <= 9_007_199_254_740_992 ? String(Int64(value)) : nil }
        return abs(value) < 1e15 ? String(value) : nil
    }

    /// The text of a number a JSON or YAML file gave: an integer as written (any size), a fraction by `text`.
    static func text(_ number: NSNumber) -> String? {
        if number is NSDecimalNumber { return number.stringValue }
        return "cCsSiIlLqQ".contains(String(cString: number.objCType)) ? number.stringValue : text(number.doubleValue)
    }

    /// `[+-]? digits ( . digits? )? | [+-]? . digits`, then `( [eE] [+-]? digits )?`.
    private static func isDecimal(_ bytes: String.UTF8View) -> Bool {
        var iterator = bytes.makeIterator()
        var byte = iterator.next()
        if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { byte = iterator.next() }
        var digits = 0
        func isDigit(_ byte: UInt8?) -> Bool { byte.map { (48...57).contains($0) } ?? false }
        while isDigit(byte) {
            digits += 1
            byte = iterator.next()
        }
        if byte == UInt8(ascii: ".") {
            byte = iterator.next()
            while isDigit(byte) {
                digits += 1
                byte = iterator.next()
            }
        }
        guard digits > 0 else { return false }
        if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            byte = iterator.next()
            if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { byte = iterator.next() }
            guard isDigit(byte) else { return false }
            while isDigit(byte) { byte = iterator.next() }
        }
        return byte == nil
    }
}
