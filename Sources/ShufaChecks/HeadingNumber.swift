import ShufaText

/// The numbering a heading starts with, as Chinese official writing uses it: 「一、」 for the parts of a
/// report, 「（一）」 below them, then 「1.」「（1）」, and run-in points 「一是」「第二，」.
struct HeadingNumber: Equatable {
    enum Kind: Int, Comparable {
        /// 一、 二、
        case chinese = 1
        /// （一） (二)
        case parenthesizedChinese
        /// 1. 1、 1．
        case arabic
        /// （1） (1) ①
        case parenthesizedArabic
        /// 一是 二是, 第一， 第二、
        case point

        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    var kind: Kind
    /// Characters of the numbering itself, leading spaces included.
    var length: Int

    private static let numerals = Set("一二三四五六七八九十")
    /// What follows the digits of an arabic numbering.
    private static let arabicMarks: Set<Unicode.Scalar> = [".", "．", "、"]
    private static let circled = Set("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
    private static let opening: Set<Character> = ["（", "("]
    private static let closing: Set<Character> = ["）", ")"]

    /// The numbering at the start of `text`, if any.
    static func parse(_ text: String) -> HeadingNumber? {
        mayStartNumber(text) ? parseCharacters(text) : nil
    }

    /// `parse` reading characters, without the first test on scalars.
    static func parseCharacters(_ text: String) -> HeadingNumber? {
        let chars = firstCharacters(text)
        let spaces = chars.prefix { $0.isWhitespace }.count
        let body = Array(chars.dropFirst(spaces))
        let found = chinese(body) ?? parenthesized(body) ?? arabic(body) ?? point(body)
        guard let (kind, length) = found else { return nil }
        return HeadingNumber(kind: kind, length: spaces + length)
    }

    /// The first 12 characters of `text`: made from its scalars when the first 13 are simple (`SimpleText`: each
    /// is a character of its own, whatever follows) and none is a CR (CR LF is one character), else by reading
    /// characters.
    static func firstCharacters(_ text: String) -> [Character] {
        let scalars = text.unicodeScalars.prefix(13)
        guard scalars.allSatisfy({ SimpleText.isSimple($0) && $0 != "\r" }) else { return Array(text.prefix(12)) }
        return scalars.prefix(12).map(Character.init)
    }

    /// False when the text's first scalar that is not white space can start no numbering and is simple (so it
    /// begins the first character after the spaces): most paragraphs are told here without reading characters.
    static func mayStartNumber(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.drop(while: SimpleText.isWhitespace).prefix(4).makeIterator()
        guard let first = scalars.next() else { return false }
        guard SimpleText.isSimple(first) else { return true }
        switch first {
        case "0"..."9":
            // 「1.」「12、」: at most two digits, then the mark (a year such as 「2025年」 is no numbering).
            guard let second = scalars.next() else { return true }
            guard ("0"..."9").contains(second) else {
                return SimpleText.isSimple(second) ? arabicMarks.contains(second) : true
            }
            guard let third = scalars.next() else { return true }
            return SimpleText.isSimple(third) ? arabicMarks.contains(third) : true
        case "(", "（", "第", "①"..."⑳": return true
        default: return numerals.contains(Character(first))
        }
    }

    private static func chinese(_ c: [Character]) -> (Kind, Int)? {
        let count = c.prefix { numerals.contains($0) }.count
        guard count > 0, count < c.count, ["、", "．"].contains(c[count]) else { return nil }
        return (.chinese, count + 1)
    }

    private static func parenthesized(_ c: [Character]) -> (Kind, Int)? {
        if let first = c.first, circled.contains(first) { return (.parenthesizedArabic, 1) }
        guard let first = c.first, opening.contains(first) else { return nil }
        let inner = c.dropFirst()
        let chineseCount = inner.prefix { numerals.contains($0) }.count
        let digitCount = inner.prefix { $0.isASCII && $0.isNumber }.count
        let count = max(chineseCount, digitCount)
        guard count > 0, count + 1 < c.count, closing.contains(c[count + 1]) else { return nil }
        var length = count + 2
        if length < c.count, c[length] == "、" { length += 1 }
        return (chineseCount > 0 ? .parenthesizedChinese : .parenthesizedArabic, length)
    }

    private static func arabic(_ c: [Character]) -> (Kind, Int)? {
        let count = c.prefix { $0.isASCII && $0.isNumber }.count
        guard count > 0, count <= 2, count < c.count, [".", "．", "、"].contains(c[count]) else { return nil }
        if count + 1 < c.count, c[count + 1].isNumber { return nil }
        return (.arabic, count + 1)
    }

    private static func point(_ c: [Character]) -> (Kind, Int)? {
        let ordinal = c.first == "第" ? 1 : 0
        let count = c.dropFirst(ordinal).prefix { numerals.contains($0) }.count
        guard count > 0, ordinal + count < c.count else { return nil }
        let next = c[ordinal + count]
        if ordinal == 0, next == "是" { return (.point, count + 1) }
        if ordinal == 1, ["，", "、", ",", "是"].contains(next) { return (.point, count + 2) }
        return nil
    }
}
