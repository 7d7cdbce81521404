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


    /// The numbering at the start of `text`, if any: read on its first scalars when the first 13 are simple
    /// (`SimpleText`: each a character of its own, with its scalar's properties, whatever follows) and none is a
    /// CR (CR LF is one character), else on its characters.
    static func parse(_ text: String) -> HeadingNumber? {
        guard mayStartNumber(text) else { return nil }
        let first = Array(text.unicodeScalars.prefix(13))
        guard first.allSatisfy({ SimpleText.isSimple($0) && $0 != "\r" }) else { return parseCharacters(text) }
        return scalars.number(Array(first.prefix(12)))
    }

    /// `parse` reading characters, without the first test on scalars.
    static func parseCharacters(_ text: String) -> HeadingNumber? {
        characters.number(Array(text.prefix(12)))
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
                return SimpleText.isSimple(second) ? Self.scalars.arabicMarks.contains(second) : true
            }
            guard let third = scalars.next() else { return true }
            return SimpleText.isSimple(third) ? Self.scalars.arabicMarks.contains(third) : true
        case "(", "（", "第", "①"..."⑳": return true
        default: return Self.scalars.numerals.contains(first)
        }
    }

    private static let characters = Reading<Character>(
        Character.init, isWhitespace: \.isWhitespace, isDigit: { $0.isASCII && $0.isNumber }, isNumber: \.isNumber)
    private static let scalars = Reading<Unicode.Scalar>(
        { $0 }, isWhitespace: SimpleText.isWhitespace, isDigit: { ("0"..."9").contains($0) },
        isNumber: { $0.properties.numericType != nil })

    /// The numbering rules over the first elements of a text: its characters, or in simple text its scalars.
    private struct Reading<Element: Hashable & Sendable>: Sendable {
        let isWhitespace: @Sendable (Element) -> Bool
        /// An ASCII digit.
        let isDigit: @Sendable (Element) -> Bool
        /// A character with a Numeric_Type (what `Character.isNumber` reads of its first scalar).
        let isNumber: @Sendable (Element) -> Bool
        /// The numerals 一…十, the circled numbers, the brackets, and the marks that follow a Chinese numeral,
        /// arabic digits and 第N.
        let numerals, circled, opening, closing, chineseMarks, arabicMarks, pointMarks: Set<Element>
        let ordinal, shi, dun: Element

        init(_ make: (Unicode.Scalar) -> Element, isWhitespace: @escaping @Sendable (Element) -> Bool,
             isDigit: @escaping @Sendable (Element) -> Bool, isNumber: @escaping @Sendable (Element) -> Bool) {
            (self.isWhitespace, self.isDigit, self.isNumber) = (isWhitespace, isDigit, isNumber)
            func set(_ text: String) -> Set<Element> { Set(text.unicodeScalars.map(make)) }
            numerals = set("一二三四五六七八九十")
            circled = set("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
            (opening, closing) = (set("（("), set("）)"))
            (chineseMarks, arabicMarks, pointMarks) = (set("、．"), set(".．、"), set("，、,是"))
            (ordinal, shi, dun) = (make("第"), make("是"), make("、"))
        }

        func number(_ elements: [Element]) -> HeadingNumber? {
            let spaces = elements.prefix(while: isWhitespace).count
            let body = Array(elements.dropFirst(spaces))
            let found = chinese(body) ?? parenthesized(body) ?? arabic(body) ?? point(body)
            guard let (kind, length) = found else { return nil }
            return HeadingNumber(kind: kind, length: spaces + length)
        }

        private func chinese(_ c: [Element]) -> (Kind, Int)? {
            let count = c.prefix { numerals.contains($0) }.count
            guard count > 0, count < c.count, chineseMarks.contains(c[count]) else { return nil }
            return (.chinese, count + 1)
        }

        private func parenthesized(_ c: [Element]) -> (Kind, Int)? {
            if let first = c.first, circled.contains(first) { return (.parenthesizedArabic, 1) }
            guard let first = c.first, opening.contains(first) else { return nil }
            let inner = c.dropFirst()
            let chineseCount = inner.prefix { numerals.contains($0) }.count
            let digitCount = inner.prefix(while: isDigit).count
            let count = max(chineseCount, digitCount)
            guard count > 0, count + 1 < c.count, closing.contains(c[count + 1]) else { return nil }
            var length = count + 2
            if length < c.count, c[length] == dun { length += 1 }
            return (chineseCount > 0 ? .parenthesizedChinese : .parenthesizedArabic, length)
        }

        private func arabic(_ c: [Element]) -> (Kind, Int)? {
            let count = c.prefix(while: isDigit).count
            guard count > 0, count <= 2, count < c.count, arabicMarks.contains(c[count]) else { return nil }
            if count + 1 < c.count, isNumber(c[count + 1]) { return nil }
            return (.arabic, count + 1)
        }

        private func point(_ c: [Element]) -> (Kind, Int)? {
            let first = c.first == ordinal ? 1 : 0
            let count = c.dropFirst(first).prefix { numerals.contains($0) }.count
            guard count > 0, first + count < c.count else { return nil }
            let next = c[first + count]
            if first == 0, next == shi { return (.point, count + 1) }
            if first == 1, pointMarks.contains(next) { return (.point, count + 2) }
            return nil
        }
    }
}
