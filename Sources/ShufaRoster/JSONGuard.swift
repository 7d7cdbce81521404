/// Reads JSON bytes once (RFC 8259) before `JSONBuilder` builds values from them: refuses a key given twice in one
/// object, nesting deeper than a roster needs, a `\u` surrogate without its pair and a number no `Double` holds,
/// and says where, by line and column. Text that is not UTF-8 is found as the builder makes its strings
/// (`notUTF8` then says where).
struct JSONGuard {
    /// The deepest nesting of objects and arrays accepted.
    static let maximumDepth = 64

    /// An array that is a member of the top-level object: its key, and where its value and each element stand
    /// in the bytes (what a parse in pieces needs).
    struct TopArray {
        var key: String
        var value: Range<Int>
        var elements: [Range<Int>]
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// The top-level object's arrays read so far, the last one while its elements are read.
    private var topArrays: [TopArray] = []
    private var readingTopArray = false

    /// Checks `bytes`; returns normally when they are one JSON value without duplicate keys, with the arrays of
    /// the top-level object (none when it is not an object).
    static func check(_ bytes: UnsafeBufferPointer<UInt8>) throws(RosterFault) -> [TopArray] {
        var guardian = JSONGuard(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { guardian.index = 3 }
        try guardian.value(depth: 0)
        guardian.skipSpace()
        guard guardian.index == bytes.count else { throw guardian.fault(.trailingContent) }
        return guardian.topArrays
    }

    /// The scalars of the one-letter escapes, by their letter.
    private static let escaped: [UInt8: Unicode.Scalar] = [
        0x22: "\"", 0x5C: "\\", 0x2F: "/", 0x62: "\u{8}", 0x66: "\u{C}", 0x6E: "\n", 0x72: "\r", 0x74: "\t",
    ]

    /// A byte a JSON number is written with.
    static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
             UInt8(ascii: "e"), UInt8(ascii: "E"):
            return true
        default: return false
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func value(depth: Int) throws(RosterFault) {
        skipSpace()
        switch current {
        case UInt8(ascii: "{"): try object(depth: depth + 1)
        case UInt8(ascii: "["): try array(depth: depth + 1)
        case UInt8(ascii: "\""): _ = try string(decoding: false)
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case nil: throw fault(.unexpectedEnd)
        case let byte? where byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte):
            try number()
        default: throw fault(.valueExpected)
        }
    }

    private mutating func object(depth: Int) throws(RosterFault) {
        guard depth <= Self.maximumDepth else { throw .tooDeep(line: line, limit: Self.maximumDepth) }
        index += 1
        skipSpace()
        if current == UInt8(ascii: "}") {
            index += 1
            return
        }
        var keys = Set<String>()
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\"") else { throw fault(.keyExpected) }
            let keyLine = line
            let key = try string(decoding: true)
            guard keys.insert(key).inserted else { throw .duplicateKey(key, line: keyLine) }
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw fault(.colonExpected) }
            index += 1
            try member(key, depth: depth)
            skipSpace()
            if current == UInt8(ascii: "}") {
                index += 1
                return
            }
            guard current == UInt8(ascii: ",") else { throw fault(.commaOrClose("}")) }
            index += 1
        }
    }

    /// A member's value; one of the top-level object's that is an array is noted with its elements.
    private mutating func member(_ key: String, depth: Int) throws(RosterFault) {
        skipSpace()
        guard depth == 1, current == UInt8(ascii: "[") else { return try value(depth: depth) }
        let start = index
        topArrays.append(TopArray(key: key, value: start..<start, elements: []))
        readingTopArray = true
        try value(depth: depth)
        readingTopArray = false
        topArrays[topArrays.count - 1].value = start..<index
    }

    private mutating func array(depth: Int) throws(RosterFault) {
        guard depth <= Self.maximumDepth else { throw .tooDeep(line: line, limit: Self.maximumDepth) }
        index += 1
        skipSpace()
        if current == UInt8(ascii: "]") {
            index += 1
            return
        }
        let noted = readingTopArray && depth == 2
        while true {
            skipSpace()
            let start = index
            try value(depth: depth)
            if noted { topArrays[topArrays.count - 1].elements.append(start..<index) }
            skipSpace()
            if current == UInt8(ascii: "]") {
                index += 1
                return
            }
            guard current == UInt8(ascii: ",") else { throw fault(.commaOrClose("]")) }
            index += 1
        }
    }

    /// A string, with its escapes decoded when `decoding` (keys); "" otherwise (values are only checked).
    private mutating func string(decoding: Bool) throws(RosterFault) -> String {
        index += 1
        var text = ""
        var start = index
        while true {
            index = Self.plainRun(bytes, from: index)
            guard let byte = current else { break }
            switch byte {
            case UInt8(ascii: "\""):
                if decoding { text += run(start..<index) }
                index += 1
                return text
            case UInt8(ascii: "\\"):
                if decoding { text += run(start..<index) }
                text.unicodeScalars.append(try escape())
                start = index
            case 0..<0x20: throw fault(.controlCharacterInText)
            default: index += 1
            }
        }
        throw fault(.unclosedText)
    }

    /// The text of the bytes in `range` (a run of a string without escapes).
    private func run(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The first position from `start` on whose byte can end or escape a string or is a control character, read
    /// eight bytes at a time (a word without a quote, a backslash or a byte below 0x20 is skipped whole).
    static func plainRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let raw = UnsafeRawBufferPointer(bytes)
        let ones: UInt64 = 0x0101_0101_0101_0101
        var at = start
        while at + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            let found = ((word &- ones &* 0x20) & ~word) | ((quote &- ones) & ~quote)
                | ((backslash &- ones) & ~backslash)
            guard found & (ones &* 0x80) == 0 else { break }
            at += 8
        }
        return at
    }

    /// The scalar of an escape `check` accepted, at `index` (its backslash), and the index after it.
    static func escape(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        var guardian = JSONGuard(bytes: bytes)
        guardian.index = index
        do throws(RosterFault) {
            let scalar = try guardian.escape()
            return (scalar, guardian.index)
        } catch {
            preconditionFailure("an escape the guard accepted is refused: \(error)")
        }
    }

    /// The scalar of the escape at `index`.
    private mutating func escape() throws(RosterFault) -> Unicode.Scalar {
        index += 1
        guard let byte = current else { throw fault(.unclosedText) }
        if let scalar = Self.escaped[byte] {
            index += 1
            return scalar
        }
        guard byte == UInt8(ascii: "u") else { throw fault(.badEscape) }
        index += 1
        var code = try hex4()
        if (0xD800..<0xDC00).contains(code) {
            guard bytes[index...].starts(with: Array("\\u".utf8)) else { throw fault(.unpairedSurrogate) }
            index += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw fault(.unpairedSurrogate) }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(code) else { throw fault(.unpairedSurrogate) }
        return scalar
    }

    private mutating func hex4() throws(RosterFault) -> UInt32 {
        guard index + 4 <= bytes.count,
            let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else {
            throw fault(.badUnicodeEscape)
        }
        index += 4
        return code
    }

    private mutating func number() throws(RosterFault) {
        let start = index
        try numberSyntax()
        guard JSONNumber.value(String(decoding: bytes[start..<index], as: UTF8.self)) != nil else {
            index = start
            throw fault(.numberOutOfRange)
        }
    }

    private mutating func numberSyntax() throws(RosterFault) {
        if current == UInt8(ascii: "-") { index += 1 }
        if current == UInt8(ascii: "0") { index += 1 } else if digits() == 0 { throw fault(.badNumber) }
        if current == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw fault(.noFractionDigits) }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw fault(.noExponentDigits) }
        }
    }

    private mutating func digits() -> Int {
        let start = index
        while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
        return index - start
    }

    private mutating func literal(_ word: String) throws(RosterFault) {
        guard bytes[index...].starts(with: Array(word.utf8)) else { throw fault(.valueExpected) }
        index += word.utf8.count
    }

    private mutating func skipSpace() {
        while let byte = current {
            switch byte {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    /// The fault at the first byte of `bytes` that does not begin a UTF-8 character, by its line and column.
    static func notUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> RosterFault {
        var guardian = JSONGuard(bytes: bytes)
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) { guardian.index += scalar.count }
        let breaks = bytes[..<guardian.index].indices.filter { bytes[$0] == 0x0A }
        guardian.line = breaks.count + 1
        guardian.lineStart = (breaks.last ?? -1) + 1
        return guardian.fault(.notUTF8)
    }

    /// A syntax error at the current position; the column counts characters, not bytes.
    private func fault(_ reason: SyntaxReason) -> RosterFault {
        let column = bytes[lineStart..<min(index, bytes.count)].filter { $0 & 0xC0 != 0x80 }.count + 1
        return .syntax(format: "JSON", line: line, column: column, reason: reason)
    }
}
