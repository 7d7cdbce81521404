import Foundation
import ShufaSystem

/// The values `JSONSerialization.jsonObject` gives (`[String: Any]`, `[Any]`, `String`, `NSNumber`, `NSNull`),
/// built from bytes `JSONGuard` has checked: no syntax is checked again; what the guard leaves to the builder is
/// that text is UTF-8, checked as each string is made. An array of the top-level object with many elements (a
/// roster's leaders) is built in two halves on two cores beside the rest.
struct JSONBuilder {
    /// The fewest elements of an array that is built in halves.
    static let piecewiseElements = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index: Int
    /// A value left out while the rest of the document is built (the array built in halves): an empty array.
    private let skipped: Range<Int>?
    /// Set when a string's bytes are not UTF-8 (the string is then left empty).
    private var notUTF8 = false

    /// The document `bytes` holds, which `JSONGuard.check` accepted with `arrays`.
    static func document(
        _ bytes: UnsafeBufferPointer<UInt8>, arrays: [JSONGuard.TopArray]
    ) throws(RosterFault) -> Any {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let shared = SharedBytes(bytes: bytes)
        guard let array = arrays.max(by: { $0.elements.count < $1.elements.count }),
            array.elements.count >= piecewiseElements
        else {
            return try shared.document(from: start, skipping: nil).get().value
        }
        let middle = array.elements.count / 2
        let pieces = ParallelMap.run([nil, array.elements[..<middle], array.elements[middle...]]) { half in
            half.map { shared.elements($0) } ?? shared.document(from: start, skipping: array.value)
        }
        var top = try pieces[0].get().get().value as! [String: Any]
        let first = try pieces[1].get().get().value, second = try pieces[2].get().get().value
        top[array.key] = (first as! [Any]) + (second as! [Any])
        return top
    }

    private mutating func value() -> Any {
        skipSpace()
        if let skipped, index == skipped.lowerBound {
            index = skipped.upperBound
            return [Any]()
        }
        switch bytes[index] {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "t"): return literal(4, NSNumber(value: true))
        case UInt8(ascii: "f"): return literal(5, NSNumber(value: false))
        case UInt8(ascii: "n"): return literal(4, NSNull())
        default: return number()
        }
    }

    private mutating func literal(_ length: Int, _ value: Any) -> Any {
        index += length
        return value
    }

    private mutating func object() -> [String: Any] {
        var object: [String: Any] = [:]
        index += 1
        skipSpace()
        while bytes[index] != UInt8(ascii: "}") {
            skipSpace()
            let key = string()
            skipSpace()
            index += 1
            object[key] = value()
            skipSpace()
            if bytes[index] == UInt8(ascii: ",") { index += 1 }
        }
        index += 1
        return object
    }

    private mutating func array() -> [Any] {
        var array: [Any] = []
        index += 1
        skipSpace()
        while bytes[index] != UInt8(ascii: "]") {
            array.append(value())
            skipSpace()
            if bytes[index] == UInt8(ascii: ",") { index += 1 }
        }
        index += 1
        return array
    }

    /// A string: runs of plain bytes (found eight at a time) and the escapes between them.
    private mutating func string() -> String {
        index += 1
        var text = ""
        while true {
            let run = index
            index = JSONGuard.plainRun(bytes, from: index)
            while bytes[index] != UInt8(ascii: "\"") && bytes[index] != UInt8(ascii: "\\") { index += 1 }
            text += self.text(run..<index)
            guard bytes[index] == UInt8(ascii: "\\") else {
                index += 1
                return text
            }
            text.unicodeScalars.append(escape())
        }
    }

    /// The text of the bytes in `range`; "" when they are not UTF-8 (and `notUTF8` set).
    private mutating func text(_ range: Range<Int>) -> String {
        guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) else {
            notUTF8 = true
            return ""
        }
        return text
    }

    /// The scalar of the escape at `index` (a pair of `\u` surrogates is one scalar), read as the guard read it.
    private mutating func escape() -> Unicode.Scalar {
        let (scalar, end) = JSONGuard.escape(in: bytes, at: index)
        index = end
        return scalar
    }

    private mutating func number() -> NSNumber {
        let start = index
        while index < bytes.count, JSONGuard.isNumberByte(bytes[index]) { index += 1 }
        return JSONNumber.value(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))!
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// The checked bytes, read by the cores that build the pieces (none writes them).
    private struct SharedBytes: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>

        /// The document from `start`, the value at `skipped` left an empty array.
        func document(from start: Int, skipping skipped: Range<Int>?) -> Result<Built, RosterFault> {
            var builder = JSONBuilder(bytes: bytes, index: start, skipped: skipped)
            let value = builder.value()
            return builder.built(value)
        }

        /// The array of the elements at `ranges`.
        func elements(_ ranges: ArraySlice<Range<Int>>) -> Result<Built, RosterFault> {
            var builder = JSONBuilder(bytes: bytes, index: 0, skipped: nil)
            let values = ranges.map { range in
                builder.index = range.lowerBound
                return builder.value()
            }
            return builder.built(values)
        }
    }

    /// `value`, or the place of the first bytes that are not UTF-8 when a string had some.
    private func built(_ value: Any) -> Result<Built, RosterFault> {
        notUTF8 ? .failure(JSONGuard.notUTF8(bytes)) : .success(Built(value))
    }

    /// A piece built on one core, handed to the one that puts the document together.
    private struct Built: @unchecked Sendable {
        let value: Any
        init(_ value: Any) { self.value = value }
    }
}
