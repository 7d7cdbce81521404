/// Line breaks found on UTF-8 bytes: the scalars `Character.isNewline` knows (U+000A–U+000D, U+0085, U+2028,
/// U+2029; CR LF is two of them). A character is a line break exactly when its first scalar is one, and no
/// scalar joins a line break, so a text holds a line-break character exactly when its bytes hold one of these.
package enum LineBreaks {
    /// True when `text` holds a line break.
    package static func contains(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.indices.contains { width(bytes, at: $0) > 0 } }
    }

    /// The lines of `text`, without empty ones: split at every line break (`text` itself when it has none).
    package static func lines(_ text: String) -> [String] {
        guard contains(text) else { return text.isEmpty ? [] : [text] }
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0, index = 0
            let line = { (end: Int) in
                guard end > start else { return }
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
            }
            while index < bytes.count {
                let width = width(bytes, at: index)
                guard width > 0 else {
                    index += 1
                    continue
                }
                line(index)
                index += width
                start = index
            }
            line(bytes.count)
            return lines
        }
    }

    /// The bytes of the line break at `index` (0 when none starts there).
    private static func width(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        switch bytes[index] {
        case 0x0A...0x0D: return 1
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: return 2
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (0xA8...0xA9).contains(bytes[index + 2]):
            return 3
        default: return 0
        }
    }
}
