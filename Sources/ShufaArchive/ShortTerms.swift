/// The terms of the index of short words (`document_grams`): every pair of adjacent characters of a document's
/// metadata and text (双字), and every single character of its metadata (单字), so that a word of one or two
/// characters — which the trigram index cannot hold — is one term to look up.
///
/// Characters are folded to lower case like the trigram tokenizer folds them; a pair holding a space or a line
/// break is left out (a word looked for never holds one). A term is written as the hexadecimal code points of
/// its characters, six digits each, so that SQLite's `ascii` tokenizer takes it as it is, whatever characters
/// (punctuation, symbols) it is made of.
enum ShortTerms {
    /// The terms of a document, each once, in order, separated by spaces.
    static func of(meta: String, body: String) -> String {
        var keys = Set<UInt64>()
        collect(meta, singles: true, into: &keys)
        collect(body, singles: false, into: &keys)
        var text: [UInt8] = []
        text.reserveCapacity(keys.count * 13)
        for key in keys.sorted() {
            if !text.isEmpty { text.append(UInt8(ascii: " ")) }
            append(key, to: &text)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The term a word of one or two characters is looked up by; nil for a longer word or one holding a space.
    static func term(_ word: String) -> String? {
        let scalars = word.unicodeScalars.map(fold)
        guard (1...2).contains(scalars.count), !scalars.contains(where: isSpace) else { return nil }
        var text: [UInt8] = []
        append(scalars.count == 1 ? single(scalars[0]) : pair(scalars[0], scalars[1]), to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    private static func collect(_ text: String, singles: Bool, into keys: inout Set<UInt64>) {
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars.lazy.map(fold) {
            if isSpace(scalar) {
                previous = nil
                continue
            }
            if singles { keys.insert(single(scalar)) }
            if let previous { keys.insert(pair(previous, scalar)) }
            previous = scalar
        }
    }

    /// A single character: its code point with the top bit set (a pair never has it).
    private static func single(_ scalar: Unicode.Scalar) -> UInt64 { 1 << 63 | UInt64(scalar.value) }

    private static func pair(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt64 {
        UInt64(first.value) << 21 | UInt64(second.value)
    }

    private static func append(_ key: UInt64, to text: inout [UInt8]) {
        let isSingle = key >> 63 == 1
        if !isSingle { hex(UInt32(key >> 21), to: &text) }
        hex(UInt32(key & 0x1F_FFFF), to: &text)
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func hex(_ value: UInt32, to text: inout [UInt8]) {
        for shift in stride(from: 20, through: 0, by: -4) { text.append(digits[Int(value >> UInt32(shift) & 0xF)]) }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }

    /// Lower case, where that is one character (as SQLite's tokenizers fold).
    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar.properties.changesWhenLowercased else { return scalar }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first! : scalar
    }
}
