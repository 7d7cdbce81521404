/// The items of a report: which paragraphs are headings, at which level, and which part of the
/// report (述职, 述法, 存在问题) each top-level item is. A heading is a `text:h`, or — for reports
/// written without heading styles — a short paragraph numbered like 「二、」 (level 1), 「（二）」 (level 2)
/// or 「2.」 (level 3).
public struct ReportOutline: Sendable {
    /// What a top-level item is about.
    public enum Part: String, Sendable {
        /// 述职: the general duty report.
        case duty
        /// 述法: 履行推进法治建设第一责任人职责情况.
        case law
        /// 存在问题和改进措施.
        case problems
        case other
    }

    /// A heading found in the body.
    public struct Heading: Sendable, Equatable {
        /// Position in `ReportDocument.blocks`.
        public var block: Int
        public var level: Int
        public var title: String
        public var part: Part
        public var inTable: Bool
    }

    public let headings: [Heading]
    private let blocks: [ReportDocument.Block]

    /// The longest paragraph start that still counts as a numbered heading's title.
    static let maximumTitleLength = 40

    public init(_ document: ReportDocument) {
        blocks = document.blocks
        headings = document.blocks.enumerated().compactMap { position, block in
            guard let (level, title) = Self.heading(block) else { return nil }
            return Heading(block: position, level: level, title: title, part: Self.part(of: title), inTable: block.inTable)
        }
    }

    /// The level and title of a block that is a heading.
    static func heading(_ block: ReportDocument.Block) -> (Int, String)? {
        let text = block.text.trimmingSpaces
        let title = String(text.prefix { $0 != "。" && $0 != "\n" })
        if let level = numberingLevel(text), title.count <= maximumTitleLength { return (level, title) }
        if let level = block.outlineLevel, !text.isEmpty { return (level, text) }
        return nil
    }

    /// 1 for 「一、」, 2 for 「（一）」, 3 for 「1.」, nil when not numbered.
    static func numberingLevel(_ text: String) -> Int? {
        let numerals = Set("一二三四五六七八九十")
        let chars = Array(text.prefix(8))
        let leading = chars.prefix { numerals.contains($0) }.count
        if leading > 0, chars.count > leading, chars[leading] == "、" { return 1 }
        if let first = chars.first, first == "（" || first == "(" {
            let inner = chars.dropFirst().prefix { numerals.contains($0) }.count
            if inner > 0, chars.count > inner + 1, chars[inner + 1] == "）" || chars[inner + 1] == ")" { return 2 }
        }
        let digits = chars.prefix { $0.isASCII && $0.isNumber }.count
        if digits > 0, chars.count > digits, ".．、".contains(chars[digits]) { return 3 }
        return nil
    }

    static func part(of title: String) -> Part {
        let law = ["法治建设第一责任人", "述法", "推进法治建设职责", "法治建设职责", "法治建设情况"]
        if law.contains(where: title.contains) { return .law }
        if ["存在问题", "改进措施", "问题和", "不足"].contains(where: title.contains) { return .problems }
        if ["述职", "岗位职责", "工作情况", "履职", "主要工作"].contains(where: title.contains) { return .duty }
        return .other
    }

    /// Top-level items (level 1, outside tables), in order.
    public var items: [Heading] { headings.filter { $0.level == 1 && !$0.inTable } }

    /// The blocks that belong to `heading`, up to the next heading of its level or higher;
    /// the heading's own run-in text (after 「。」) is included.
    public func content(of heading: Heading) -> [ReportDocument.Block] {
        let end = headings.first { $0.block > heading.block && $0.level <= heading.level && !$0.inTable }?.block ?? blocks.count
        var result = Array(blocks[(heading.block + 1)..<end])
        let own = blocks[heading.block].text.trimmingSpaces
        if own.count > heading.title.count + 1 {
            var runIn = blocks[heading.block]
            runIn.text = String(own.dropFirst(heading.title.count + 1))
            result.insert(runIn, at: 0)
        }
        return result
    }

    /// True when the block is one of the headings.
    public func isHeading(_ block: ReportDocument.Block) -> Bool {
        headings.contains { $0.block == block.index - 1 && blocks[$0.block].text.trimmingSpaces.count <= $0.title.count }
    }

    /// The blocks before the first top-level heading (title and header lines).
    public var front: [ReportDocument.Block] {
        Array(blocks.prefix(items.first?.block ?? blocks.count))
    }

    /// How many characters the 述法 rules count: CJK characters, letters and digits; not spaces,
    /// not punctuation, not the heading.
    public static func countedLength(_ text: String) -> Int {
        text.unicodeScalars.filter { scalar in
            let properties = scalar.properties
            if properties.isIdeographic { return true }
            return properties.isAlphabetic || properties.numericType != nil
        }.count
    }
}
