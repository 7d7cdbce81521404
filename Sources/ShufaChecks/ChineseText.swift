import Foundation
import ShufaText

/// Text helpers for reading reports: traditional characters folded to simplified ones (for the words the
/// checks look for), and sentence boundaries.
enum ChineseText {
    /// Traditional forms of the characters in the words the checks look for (述職、履行推進法治建設第一責任人職責、
    /// 報告、問題…), mapped to their simplified forms. Only these matter: the text itself is never rewritten.
    private static let simplified: [Character: Character] = {
        let pairs = "職职責责務务報报於于與与設设進进這这權权審审議议規规範范並并問问題题達达總总結结書书記记縣县區区鄉乡鎮镇"
            + "黨党會会廣广組组織织領领導导員员幹干處处辦办聽听學学習习劃划環环節节覺觉護护維维獲获鬥斗條条歸归對对"
            + "實实級级態态將将為为還还開开關关訴诉證证決决舉举據据層层專专應应發发變变點点種种況况頭头從从"
            + "評评測测價价體体繫系現现當当"
        var map: [Character: Character] = [:]
        var iterator = pairs.makeIterator()
        while let traditional = iterator.next(), let simple = iterator.next() { map[traditional] = simple }
        return map
    }()

    /// `folded` reading characters.
    static func foldedByCharacters(_ text: String) -> String { String(text.map { simplified[$0] ?? $0 }) }

    /// The same pairs by scalar, for simple text (`SimpleText`), where characters and scalars are one: the
    /// simplified scalar of each traditional one by its offset from U+4E00 (0: not folded). Every character of
    /// the pairs is a CJK unified ideograph (U+4E00–U+9FFF).
    private static let foldTable: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 0xA000 - 0x4E00)
        for (traditional, simple) in simplified {
            let from = traditional.unicodeScalars.first!.value, to = simple.unicodeScalars.first!.value
            precondition((0x4E00..<0xA000).contains(from), "a folded character outside U+4E00–U+9FFF")
            table[Int(from - 0x4E00)] = to
        }
        return table
    }()

    /// The simplified scalar of a traditional one of the checked words; nil for any other.
    @inline(__always) private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let offset = scalar.value &- 0x4E00
        guard offset < 0xA000 - 0x4E00 else { return nil }
        let simple = foldTable[Int(offset)]
        return simple == 0 ? nil : Unicode.Scalar(simple)
    }

    /// `text` with the traditional characters of the checked words folded to simplified ones.
    static func folded(_ text: String) -> String {
        guard SimpleText.isSimple(text) else { return foldedByCharacters(text) }
        var copy = text
        let folds = copy.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                guard (0xE4...0xE9).contains(bytes[index]) else {  // every folded scalar is U+4E00–U+9FFF
                    index += 1
                    continue
                }
                if fold(UTF8Scalar.decode(bytes, at: index).0) != nil { return true }
                index += 3
            }
            return false
        }
        guard folds else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(fold(scalar) ?? scalar) }
        return String(scalars)
    }

    /// Characters that end a sentence (and so a run-in heading's title).
    static let sentenceEnds: Set<Character> = ["。", "！", "？", "；", ";", "!", "?"]

    /// Where `word` (simple text without white space, such as 报告) last occurs in `text`: found on the bytes in
    /// simple text (`SimpleText`), where that is where Foundation's backward search finds it; by Foundation in
    /// other text.
    static func lastRange(of word: String, in text: String) -> Range<String.Index>? {
        guard SimpleText.isSimple(text) else { return text.range(of: word, options: .backwards) }
        let (bytes, needle) = (Array(text.utf8), Array(word.utf8))
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        for start in stride(from: bytes.count - needle.count, through: 0, by: -1)
        where bytes[start..<start + needle.count].elementsEqual(needle) {
            let lower = text.utf8.index(text.utf8.startIndex, offsetBy: start)
            return lower..<text.utf8.index(lower, offsetBy: needle.count)
        }
        return nil
    }

    /// True when `text` holds a sentence end.
    static func hasSentenceEnd(_ text: String) -> Bool { firstSentenceEnd(Substring(text)) != nil }

    /// Where the first sentence end of `text` stands (in simple text found by its scalars, each a character).
    private static func firstSentenceEnd(_ text: Substring) -> Substring.Index? {
        SimpleText.isSimple(text)
            ? text.unicodeScalars.firstIndex(where: sentenceEndScalars.contains)
            : text.firstIndex(where: sentenceEnds.contains)
    }

    /// `sentenceEnds`, each one scalar.
    private static let sentenceEndScalars = Set(sentenceEnds.map { $0.unicodeScalars.first! })

    /// The text up to the first sentence end, and what follows it (empty when the text is one sentence).
    static func firstSentence(_ text: Substring) -> (sentence: Substring, rest: Substring) {
        guard let end = firstSentenceEnd(text) else { return (text, "") }
        return (text[..<end], text[text.index(after: end)...])
    }
}
