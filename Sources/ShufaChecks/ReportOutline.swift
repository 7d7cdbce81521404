import ShufaText

/// The items of a report: which paragraphs are headings, at which rank, and which part of the report
/// (述职, 述法, 存在问题) each heading is about. A heading is found by its numbering — 「一、」 (rank 1),
/// 「（一）」 (2), 「1.」 (3), 「（1）」 (4), a run-in point 「二是」 (5) — whatever its length, with its title
/// running to the first sentence end and any text after that run in; a `text:h` without numbering ranks
/// by its outline level. The top-level items are the headings of the highest rank the body uses.
public struct ReportOutline: Sendable {
    /// What a heading is about.
    public enum Part: String, Sendable {
        /// 述职: the general duty report.
        case duty
        /// 述法: 履行推进法治建设第一责任人职责情况.
        case law
        /// 存在问题、改进措施、下一步打算.
        case problems
        /// 附: an appendix (the draft's indicator table).
        case appendix
        case other
    }

    /// A heading found in the body.
    public struct Heading: Sendable, Equatable {
        /// Position in `ReportDocument.blocks`.
        public var block: Int
        /// 1 for 「一、」 … 5 for a run-in point 「二是」; an unnumbered `text:h` ranks by its outline level.
        public var rank: Int
        /// The title: after the numbering, up to the first sentence end.
        public var title: String
        /// The whole heading as written (numbering and title).
        public var label: String
        /// Text after the title in the same paragraph (a run-in heading), or nil.
        public var runIn: String?
        public var part: Part
        public var inTable: Bool
    }

    public let headings: [Heading]
    /// The rank of the top-level items, nil when the body has no headings.
    public let topRank: Int?
    /// Top-level items (outside tables), in order.
    public let items: [Heading]
    private let blocks: [ReportDocument.Block]

    /// The rank of run-in points 「一是」「二是」.
    static let pointRank = HeadingNumber.Kind.point.rawValue

    public init(_ document: ReportDocument) {
        blocks = document.blocks
        let texts = document.blocks.map(\.text.trimmingSpaces)
        let numbers = texts.map(HeadingNumber.parse)
        let firstNumbered = numbers.firstIndex { $0 != nil }
        headings = document.blocks.indices.compactMap { position in
            let afterNumbered = firstNumbered.map { position > $0 } ?? (position > 0)
            return Self.heading(document.blocks[position], text: texts[position], number: numbers[position],
                                position: position, afterNumbered: afterNumbered)
        }
        let topRank = headings.filter { !$0.inTable && $0.rank < Self.pointRank }.map(\.rank).min()
        self.topRank = topRank
        items = headings.filter { $0.rank == topRank && !$0.inTable }
    }

    /// The heading a block is, if any, given its text without surrounding spaces and the numbering that starts it.
    static func heading(_ block: ReportDocument.Block, text: String, number: HeadingNumber?, position: Int,
                        afterNumbered: Bool) -> Heading? {
        guard !text.isEmpty else { return nil }
        if let number {
            let (sentence, rest) = ChineseText.firstSentence(Substring(text).dropFirst(number.length))
            let title = sentence.trimmingSpaces
            guard !title.isEmpty else { return nil }
            let runIn = rest.trimmingSpaces
            let label = String(text.prefix(number.length)).trimmingSpaces + title
            return Heading(block: position, rank: number.kind.rawValue, title: title, label: label,
                           runIn: runIn.isEmpty ? nil : runIn, part: part(of: title), inTable: block.inTable)
        }
        guard let level = block.outlineLevel, afterNumbered else { return nil }
        return Heading(block: position, rank: min(level, pointRank - 1), title: text, label: text, runIn: nil,
                       part: part(of: text), inTable: block.inTable)
    }

    /// The rank of the numbering `text` starts with (1 for 「一、」 … 5 for 「二是」), nil when it has none.
    public static func rank(of text: String) -> Int? { HeadingNumber.parse(text)?.kind.rawValue }

    /// Words that make a heading the 述法 part (checked on the simplified text).
    static let lawWords = ["第一责任人", "述法", "法治建设职责", "推进法治建设", "履行法治建设", "法治建设情况"]
    static let problemWords = ["存在问题", "存在的问题", "问题和", "不足", "差距", "短板", "改进措施", "整改措施",
                               "下一步", "下步", "打算", "努力方向", "今后"]
    static let dutyWords = ["述职", "岗位职责", "工作情况", "履职", "主要工作", "工作回顾", "重点工作", "工作开展"]

    static func part(of title: String) -> Part {
        let plain = ChineseText.folded(title)
        if plain.hasPrefix("附") { return .appendix }
        if lawWords.contains(where: plain.includes) { return .law }
        if problemWords.contains(where: plain.includes) { return .problems }
        if dutyWords.contains(where: plain.includes) { return .duty }
        return .other
    }

    /// The top-level item a block belongs to, if any.
    public func item(containing block: ReportDocument.Block) -> Heading? {
        items.last { $0.block <= block.index - 1 }
    }

    /// The headings nested under `heading` (lower rank, up to the next heading of its rank or higher).
    public func subheadings(of heading: Heading) -> [Heading] {
        let end = end(of: heading)
        return headings.filter { $0.block > heading.block && $0.block < end && !$0.inTable }
    }

    /// The blocks that belong to `heading`, up to the next heading of its rank or higher; the heading's own
    /// run-in text comes first.
    public func content(of heading: Heading) -> [ReportDocument.Block] {
        var result = Array(blocks[(heading.block + 1)..<end(of: heading)])
        if let runIn = heading.runIn {
            var block = blocks[heading.block]
            block.text = runIn
            result.insert(block, at: 0)
        }
        return result
    }

    /// Positions of the blocks under `heading` (after it, up to the next heading of its rank or higher).
    public func span(of heading: Heading) -> Range<Int> { (heading.block + 1)..<end(of: heading) }

    private func end(of heading: Heading) -> Int {
        headings.first { $0.block > heading.block && $0.rank <= heading.rank && !$0.inTable }?.block ?? blocks.count
    }

    /// True when the block is a heading line with nothing run in after its title.
    public func isHeading(_ block: ReportDocument.Block) -> Bool {
        headings.contains { $0.block == block.index - 1 && $0.runIn == nil }
    }

    /// The heading a block is, if any.
    public func heading(at block: ReportDocument.Block) -> Heading? {
        headings.first { $0.block == block.index - 1 }
    }

    /// The blocks before the first top-level heading (title, signature, opening).
    public var front: [ReportDocument.Block] {
        Array(blocks.prefix(items.first?.block ?? blocks.count))
    }

    /// Every block of the body after the front, headings included.
    public var body: [ReportDocument.Block] {
        Array(blocks.dropFirst(items.first?.block ?? blocks.count))
    }

    /// How many characters the 述法 rules count: CJK characters, letters and digits; not spaces,
    /// not punctuation, not the heading.
    public static func countedLength(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0, index = 0
            while index < bytes.count {
                if (0xE5...0xE9).contains(bytes[index]) {  // U+5000–U+9FFF: ideographs
                    count += 1
                    index += 3
                    continue
                }
                let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
                if isCounted(scalar) { count += 1 }
                index += length
            }
            return count
        }
    }

    /// True for the scalars `countedLength` counts (the common ones told by range, the rest by property).
    private static func isCounted(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x4E00...0x9FFF: return true
        case 0..<0x80, 0x3000...0x3004, 0x3008...0x3020, 0xFF01...0xFF0F, 0x2010...0x2027: return false
        default:
            let properties = scalar.properties
            return properties.isIdeographic || properties.isAlphabetic || properties.numericType != nil
        }
    }
}

extension ReportOutline {
    /// The block a heading stands in.
    public func block(of heading: Heading) -> ReportDocument.Block { blocks[heading.block] }
}
