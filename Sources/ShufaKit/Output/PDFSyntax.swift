/// A PDF object value (ISO 32000-1, 7.3), as read from and written back to a file. Numbers keep their
/// text so they are written back exactly as LibreOffice wrote them.
indirect enum PDFValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string([UInt8])
    case name(String)
    case array([PDFValue])
    case dictionary(PDFDictionary)
    case reference(Int)

    var dictionary: PDFDictionary? { if case .dictionary(let value) = self { return value } else { return nil } }
    var array: [PDFValue]? { if case .array(let value) = self { return value } else { return nil } }
    var reference: Int? { if case .reference(let value) = self { return value } else { return nil } }
    var name: String? { if case .name(let value) = self { return value } else { return nil } }
    var string: [UInt8]? { if case .string(let value) = self { return value } else { return nil } }
    var integer: Int? { if case .number(let text) = self { return Int(text) } else { return nil } }
}

/// A PDF dictionary, keys in file order (so output is deterministic).
struct PDFDictionary: Sendable, Equatable {
    var entries: [(key: String, value: PDFValue)] = []

    subscript(key: String) -> PDFValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            let index = entries.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append((key, value))
            case (nil, nil): break
            }
        }
    }

    static func == (a: PDFDictionary, b: PDFDictionary) -> Bool {
        a.entries.elementsEqual(b.entries) { $0.key == $1.key && $0.value == $1.value }
    }
}

/// Why a PDF could not be read or written.
public struct PDFError: Error, Sendable, CustomStringConvertible {
    /// The file (or a description of it).
    public var file: String
    public var message: String

    public var description: String {
        "\(file): \(message) — the PDF is damaged or not one LibreOffice wrote; convert it again, and report the file if it keeps failing"
    }
}

/// Reads PDF values from bytes (the subset of the syntax object dictionaries use; no content streams).
struct PDFParser {
    let bytes: [UInt8]
    var position: Int
    let file: String

    init(_ bytes: [UInt8], at position: Int, file: String) {
        self.bytes = bytes
        self.position = position
        self.file = file
    }

    func fail(_ message: String) -> PDFError { PDFError(file: file, message: "\(message) at byte \(position)") }

    /// Skips white space and comments.
    mutating func skipSpace() {
        while position < bytes.count {
            let byte = bytes[position]
            if PDFBytes.isWhite(byte) { position += 1 } else if byte == UInt8(ascii: "%") {
                while position < bytes.count && bytes[position] != 0x0A && bytes[position] != 0x0D { position += 1 }
            } else { return }
        }
    }

    /// The next regular token (a keyword or a number) without consuming it.
    mutating func peekWord() -> String {
        skipSpace()
        var end = position
        while end < bytes.count && PDFBytes.isRegular(bytes[end]) { end += 1 }
        return String(decoding: bytes[position..<end], as: UTF8.self)
    }

    /// Consumes `word` if it is the next token.
    mutating func accept(_ word: String) -> Bool {
        guard peekWord() == word else { return false }
        position += word.utf8.count
        return true
    }

    /// Parses one value; `N G R` becomes a reference.
    mutating func value() throws(PDFError) -> PDFValue {
        skipSpace()
        guard position < bytes.count else { throw fail("unexpected end of file") }
        switch bytes[position] {
        case UInt8(ascii: "/"): return .name(name())
        case UInt8(ascii: "("): return .string(try literalString())
        case UInt8(ascii: "["): return .array(try array())
        case UInt8(ascii: "<"):
            if position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "<") { return .dictionary(try dictionary()) }
            return .string(try hexString())
        default: return try word()
        }
    }

    private mutating func word() throws(PDFError) -> PDFValue {
        let text = peekWord()
        guard !text.isEmpty else { throw fail("unexpected character") }
        position += text.utf8.count
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: break
        }
        guard let number = Int(text), number >= 0 else { return .number(text) }
        let saved = position
        let generation = peekWord()
        if Int(generation) != nil {
            position += generation.utf8.count
            if accept("R") { return .reference(number) }
        }
        position = saved
        return .number(text)
    }

    private mutating func name() -> String {
        position += 1
        var out: [UInt8] = []
        while position < bytes.count && PDFBytes.isRegular(bytes[position]) {
            if bytes[position] == UInt8(ascii: "#"), position + 2 < bytes.count,
               let value = UInt8(String(decoding: bytes[(position + 1)...(position + 2)], as: UTF8.self), radix: 16) {
                out.append(value)
                position += 3
            } else {
                out.append(bytes[position])
                position += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func array() throws(PDFError) -> [PDFValue] {
        position += 1
        var items: [PDFValue] = []
        while true {
            skipSpace()
            guard position < bytes.count else { throw fail("unterminated array") }
            if bytes[position] == UInt8(ascii: "]") { position += 1; return items }
            items.append(try value())
        }
    }

    private mutating func dictionary() throws(PDFError) -> PDFDictionary {
        position += 2
        var result = PDFDictionary()
        while true {
            skipSpace()
            guard position + 1 < bytes.count else { throw fail("unterminated dictionary") }
            if bytes[position] == UInt8(ascii: ">") && bytes[position + 1] == UInt8(ascii: ">") { position += 2; return result }
            guard case .name(let key) = try value() else { throw fail("dictionary key is not a name") }
            result.entries.append((key, try value()))
        }
    }

    private mutating func hexString() throws(PDFError) -> [UInt8] {
        position += 1
        var digits: [UInt8] = []
        while position < bytes.count && bytes[position] != UInt8(ascii: ">") {
            if let digit = PDFBytes.hexValue(bytes[position]) { digits.append(digit) }
            position += 1
        }
        guard position < bytes.count else { throw fail("unterminated hex string") }
        position += 1
        if digits.count % 2 == 1 { digits.append(0) }
        return stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
    }

    private mutating func literalString() throws(PDFError) -> [UInt8] {
        position += 1
        var out: [UInt8] = []
        var depth = 1
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\\"): escape(into: &out)
            case UInt8(ascii: "("): depth += 1; out.append(byte)
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return out }
                out.append(byte)
            default: out.append(byte)
            }
        }
        throw fail("unterminated string")
    }

    private mutating func escape(into out: inout [UInt8]) {
        guard position < bytes.count else { return }
        let byte = bytes[position]
        position += 1
        let simple: [UInt8: UInt8] = [UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
                                      UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C]
        if let mapped = simple[byte] { out.append(mapped); return }
        if (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(byte) {
            var value = Int(byte - UInt8(ascii: "0"))
            for _ in 0..<2 where position < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[position]) {
                value = value * 8 + Int(bytes[position] - UInt8(ascii: "0"))
                position += 1
            }
            out.append(UInt8(truncatingIfNeeded: value))
            return
        }
        if byte == 0x0D { if position < bytes.count && bytes[position] == 0x0A { position += 1 }; return }
        if byte == 0x0A { return }
        out.append(byte)
    }
}

/// Writes PDF values; references go through `map` (old object number → new one, nil writes null).
struct PDFSerializer {
    static func write(_ value: PDFValue, to out: inout [UInt8], map: (Int) -> Int?) {
        switch value {
        case .null: out += Array("null".utf8)
        case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
        case .number(let text): out += Array(text.utf8)
        case .string(let bytes): writeHex(bytes, to: &out)
        case .name(let name): writeName(name, to: &out)
        case .reference(let number): out += Array((map(number).map { "\($0) 0 R" } ?? "null").utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(0x20) }
                write(item, to: &out, map: map)
            }
            out.append(UInt8(ascii: "]"))
        case .dictionary(let dictionary):
            out += Array("<<".utf8)
            for (key, item) in dictionary.entries {
                writeName(key, to: &out)
                out.append(0x20)
                write(item, to: &out, map: map)
            }
            out += Array(">>".utf8)
        }
    }

    static func writeName(_ name: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "/"))
        for byte in name.utf8 {
            if PDFBytes.isRegular(byte) && byte != UInt8(ascii: "#") && byte > 0x20 && byte < 0x7F { out.append(byte) } else {
                out += Array(("#" + PDFBytes.hex(byte)).utf8)
            }
        }
    }

    static func writeHex(_ bytes: [UInt8], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "<"))
        for byte in bytes { out += Array(PDFBytes.hex(byte).utf8) }
        out.append(UInt8(ascii: ">"))
    }

    /// A text string: UTF-16BE with a byte order mark (PDF 7.9.2.2).
    static func textString(_ text: String) -> PDFValue {
        .string([0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
    }
}

/// Character classes of PDF syntax.
enum PDFBytes {
    static func isWhite(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00 }

    static func isDelimiter(_ byte: UInt8) -> Bool { "()<>[]{}/%".utf8.contains(byte) }

    static func isRegular(_ byte: UInt8) -> Bool { !isWhite(byte) && !isDelimiter(byte) }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
