import Foundation

/// Fast paths for the Chinese text the checks read. Swift compares and walks strings by characters (grapheme
/// clusters), which for CJK text costs far more than the checks themselves. In *simple* text every Unicode
/// scalar is a character of its own (CR LF aside, both white space): text made only of scalars that never join
/// the scalar before or after them (ASCII and Latin-1, CJK ideographs, CJK and general punctuation, full-width
/// forms, kana, enclosed numbers, box drawing, white space). There a character's properties are its scalar's, so
/// scalar loops give exactly what character loops give; any other text takes the character path.
package enum SimpleText {
    /// Unicode's White_Space property (what `Character.isWhitespace` reads from a character's first scalar).
    @inlinable @inline(__always) package static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default: return false
        }
    }

    /// A scalar that is a grapheme cluster of its own wherever it stands (its Grapheme_Cluster_Break is Other,
    /// Control, CR or LF, and it has no canonical singleton mapping other than white space). The ranges most
    /// Chinese text is made of come first.
    @inlinable @inline(__always) package static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0..<0x300, 0xFF01...0xFF9D, 0x3000...0x3029, 0x3030...0x303F, 0x2000...0x200B,
             0x200E...0x206F, 0x2460...0x257F, 0x3041...0x3096, 0x30A0...0x30FF, 0x3400...0x4DBF:
            return true
        default: return false
        }
    }

    /// True when every scalar of `text` is simple.
    package static func isSimple(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { allSimple($0) }
    }

    /// True when every scalar of `text` is simple and none is one of `excluded` (scalars outside U+5000–U+9FFF).
    package static func isSimple(_ text: String, excluding excluded: [Unicode.Scalar]) -> Bool {
        var text = text
        return text.withUTF8 { allSimple($0, excluding: excluded) }
    }

    /// True when every scalar of `text` is simple.
    package static func isSimple(_ text: Substring) -> Bool {
        var text = text
        return text.withUTF8 { allSimple($0) }
    }

    /// Every scalar simple and none excluded, read on the UTF-8 bytes: three bytes led by E5 to E9 are the
    /// ideographs U+5000 to U+9FFF, stepped over without being decoded; the other scalars are decoded.
    private static func allSimple(_ bytes: UnsafeBufferPointer<UInt8>, excluding excluded: [Unicode.Scalar] = [])
        -> Bool
    {
        var index = 0
        while index < bytes.count {
            if (0xE5...0xE9).contains(bytes[index]) {
                index += 3
                continue
            }
            let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
            guard isSimple(scalar), !excluded.contains(scalar) else { return false }
            index += length
        }
        return true
    }

    /// `text` without its white-space scalars (for simple text: without its white-space characters).
    package static func removingWhitespace(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isWhitespace) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars where !isWhitespace(scalar) { bytes.append(contentsOf: scalar.utf8) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when the UTF-8 of `text` holds `scalar`.
    /// (A search of the scalar's UTF-8 bytes: UTF-8 never holds one scalar's bytes inside another's.)
    package static func contains<S: StringProtocol>(_ text: S, _ scalar: Unicode.Scalar) -> Bool {
        let needle = Array(String(scalar).utf8)
        let found = text.utf8.withContiguousStorageIfAvailable { haystack in
            needle.withUnsafeBufferPointer {
                findBytes(haystack.baseAddress, haystack.count, $0.baseAddress, $0.count)
            }
        }
        guard let found else { return text.unicodeScalars.contains(scalar) }
        return found != nil
    }
}
