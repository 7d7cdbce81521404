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
        guard text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return (text, 0) }
        var scalars = String.UnicodeScalarView()
        var removed = 0
        for scalar in text.unicodeScalars {
            if isAllowed(scalar) { scalars.append(scalar) } else { removed += 1 }
        }
        return (String(scalars), removed)
    }

    /// Escapes `&`, `<`, `>` (and `"` when `quote` is set) into `buffer`.
    public static func append(_ text: Substring.UTF8View, to buffer: inout [UInt8], quote: Bool = false) {
        for byte in text {
            switch byte {
            case UInt8(ascii: "&"): buffer.append(contentsOf: amp)
            case UInt8(ascii: "<"): buffer.append(contentsOf: lt)
            case UInt8(ascii: ">"): buffer.append(contentsOf: gt)
            case UInt8(ascii: "\"") where quote: buffer.append(contentsOf: quot)
            case UInt8(ascii: "\n") where quote: buffer.append(contentsOf: newline)
            case UInt8(ascii: "\t") where quote: buffer.append(contentsOf: tab)
            default: buffer.append(byte)
            }
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
