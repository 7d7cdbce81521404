/// Checks that chunks of a file are UTF-8 text without NUL bytes and without a UTF-16 byte order mark, a
/// character cut between two chunks carried to the next.
struct UTF8Check {
    private var carry: [UInt8] = []
    private var first = true

    /// False when `chunk` (nil: the end of the file) breaks the rule.
    mutating func check(_ chunk: [UInt8]?) -> Bool {
        guard let chunk else { return carry.isEmpty }
        if first {
            first = false
            if chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF]) { return false }
        }
        guard !chunk.contains(0) else { return false }
        let bytes = carry + chunk
        let cut = bytes.count - Self.incompleteTail(bytes)
        carry = Array(bytes[cut...])
        return String(validating: bytes[..<cut], as: UTF8.self) != nil
    }

    /// How many bytes at the end start a character that continues past them.
    private static func incompleteTail(_ bytes: [UInt8]) -> Int {
        for back in 1...min(3, bytes.count) {
            let byte = bytes[bytes.count - back]
            if byte & 0xC0 == 0x80 { continue }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            return length > back ? back : 0
        }
        return 0
    }
}
