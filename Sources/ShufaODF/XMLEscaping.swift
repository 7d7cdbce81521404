/// XML 1.0 escaping and the characters XML 1.0 forbids.
public enum XMLEscaping {
    /// True for characters XML 1.0 allows in a document (tab, newline, carriage return and the
    /// ranges from U+0020; no other C0 controls, no U+FFFE/U+FFFF).
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// `text` without the characters XML 1.0 forbids, and how many were removed.
    public static func removingForbidden(_ text: String) -> (text: String, removed: Int) {
        guard hasForbidden(text.utf8) else { return (text, 0) }
        var scalars = String.UnicodeScalarView()
        var removed = 0
        for scalar in text.unicodeScalars {
            if isAllowed(scalar) { scalars.append(scalar) } else { removed += 1 }
        }
        return (String(scalars), removed)
    }

    /// True when `text` holds a character XML 1.0 forbids. On the UTF-8 bytes: a C0 control other than tab,
    /// newline and carriage return is one byte below 0x20, U+FFFE and U+FFFF are EF BF BE and EF BF BF (a
    /// Swift string holds no surrogates), and UTF-8 never holds those bytes inside another character's. Eight
    /// bytes are read at a time: a word with no byte below 0x20 and no BF holds none of them.
    static func hasForbidden(_ text: String.UTF8View) -> Bool {
        text.withContiguousStorageIfAvailable { hasForbidden(UnsafeRawBufferPointer($0)) }
            ?? Array(text).withUnsafeBytes(hasForbidden)
    }

    private static func hasForbidden(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var start = 0
        while start + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: start, as: UInt64.self)
            if holds(below: 0x20, word) || holds(0xBF, word), hasForbidden(bytes, in: start..<start + 8) {
                return true
            }
            start += 8
        }
        return hasForbidden(bytes, in: start..<bytes.count)
    }

    /// Byte by byte over `range`: a forbidden control, or the BF of EF BF BE / EF BF BF.
    private static func hasForbidden(_ bytes: UnsafeRawBufferPointer, in range: Range<Int>) -> Bool {
        for index in range {
            let byte = bytes[index]
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
            } else if byte == 0xBF, index > 0, bytes[index - 1] == 0xEF, index + 1 < bytes.count,
                bytes[index + 1] >= 0xBE
            {
                return true
            }
        }
        return false
    }

    /// True when `text` is XML character content as it stands: no byte below 0x21 (controls and white space,
    /// which paragraph content writes as elements), no `&`, `<` or `>`, and nothing XML forbids — read eight bytes
    /// at a time (a word with a BF, which one CJK character in sixty-four has, is looked at byte by byte for
    /// U+FFFE and U+FFFF). Most of a leader's paragraphs are, and are then copied whole.
    public static func isPlainContent(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            var start = 0
            while start + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)
                if isSpecial(word) || holds(0xBF, word) && hasForbidden(raw, in: start..<start + 8) { return false }
                start += 8
            }
            var last: UInt64 = 0x4141_4141_4141_4141
            withUnsafeMutableBytes(of: &last) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start...])) }
            return !isSpecial(last) && !hasForbidden(raw, in: start..<raw.count)
        }
    }

    /// A word holding a byte below 0x21, `&`, `<` or `>`.
    @inline(__always) private static func isSpecial(_ word: UInt64) -> Bool {
        holds(below: 0x21, word) || holds(0x26, word) || holds(0x3C, word) || holds(0x3E, word)
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// True when a byte of the eight in `word` is below `limit` (at most 0x80).
    @inline(__always) private static func holds(below limit: UInt64, _ word: UInt64) -> Bool {
        (word &- ones &* limit) & ~word & (ones &* 0x80) != 0
    }

    /// True when a byte of the eight in `word` is `byte`.
    @inline(__always) private static func holds(_ byte: UInt64, _ word: UInt64) -> Bool {
        let match = word ^ (ones &* byte)
        return (match &- ones) & ~match & (ones &* 0x80) != 0
    }

    /// Escapes `&`, `<`, `>` (and `"`, newline and tab when `quote` is set) into `buffer`,
    /// copying the runs between them in one go.
    public static func append(_ text: Substring.UTF8View, to buffer: inout [UInt8], quote: Bool = false) {
        let copied: Void? = text.withContiguousStorageIfAvailable { bytes in
            var runStart = 0
            for index in bytes.indices {
                guard let replacement = replacement(for: bytes[index], quote: quote) else { continue }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                buffer.append(contentsOf: replacement)
                runStart = index + 1
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        guard copied == nil else { return }
        for byte in text {
            if let replacement = replacement(for: byte, quote: quote) {
                buffer.append(contentsOf: replacement)
            } else {
                buffer.append(byte)
            }
        }
    }

    @inline(__always)
    private static func replacement(for byte: UInt8, quote: Bool) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "&"): return amp
        case UInt8(ascii: "<"): return lt
        case UInt8(ascii: ">"): return gt
        case UInt8(ascii: "\""): return quote ? quot : nil
        case UInt8(ascii: "\n"): return quote ? newline : nil
        case UInt8(ascii: "\t"): return quote ? tab : nil
        default: return nil
        }
    }

    /// Escapes a whole string.
    public static func escaped(_ text: String, quote: Bool = false) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(text.utf8.count)
        append(Substring(text).utf8, to: &buffer, quote: quote)
        return String(decoding: buffer, as: UTF8.self)
    }

    private static let amp = Array("&amp;".utf8)
    private static let lt = Array("&lt;".utf8)
    private static let gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8)
    private static let newline = Array("&#10;".utf8)
    private static let tab = Array("&#9;".utf8)
}
