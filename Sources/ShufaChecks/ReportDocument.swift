import Foundation
import ShufaODF
import ShufaTemplate
import ShufaText
import ShufaXML

/// A text document read back for checking or extraction: its metadata, its body as a sequence of
/// paragraphs (with where each stands and the prompts left in it), and its tables.
public struct ReportDocument: Sendable, Equatable {
    /// One paragraph or heading of the body, in document order.
    public struct Block: Sendable, Equatable {
        /// 1-based position among all paragraphs and headings of the body.
        public var index: Int
        /// The source line (meaningful for Flat XML).
        public var line: Int
        /// The visible text the leader wrote: prompts taken out.
        public var text: String
        /// `text:outline-level` for a heading (`text:h`), nil for a paragraph.
        public var outlineLevel: Int?
        /// True inside a table cell.
        public var inTable: Bool
        /// The prompts (提示) left in it: fields, 【】 segments, text in the prompt style.
        public var prompts: [String]
        /// Text in the prompt style that is not a prompt's words (kept in `text`).
        public var styledText: [String]
    }

    public var blocks: [Block]
    /// Each table as rows of cell texts (prompts taken out).
    public var tables: [[[String]]]
    /// `meta:user-defined` properties, by name.
    public var properties: [String: String]
    /// `meta:generator`.
    public var generator: String

    init(blocks: [Block], tables: [[[String]]], properties: [String: String], generator: String) {
        (self.blocks, self.tables, self.properties, self.generator) = (blocks, tables, properties, generator)
    }

    /// Parses the content, styles and meta parts of a document; `prompts` are the known prompt texts.
    public init(_ parts: ODFParts, prompts: PromptTexts?) throws(XMLParseError) {
        try self.init(ParsedODF(parts), prompts: prompts)
    }

    /// Reads a document whose parts are parsed (or are parsed here) once.
    init(_ parsed: ParsedODF, prompts: PromptTexts?) throws(XMLParseError) {
        let parts = parsed.parts
        let contentName = parsed.contentName
        let content = try (parsed.document(contentName) ?? Result { () throws(XMLParseError) in
            try XMLDocument(bytes: [], source: contentName)
        }).get()
        var meta: XMLDocument? = content
        var styleParts = [content]
        if parts.isPackage {
            meta = try parsed.document("meta.xml")?.get()
            if let styles = try parsed.document("styles.xml")?.get() { styleParts.append(styles) }
        }
        blocks = []
        tables = []
        properties = [:]
        generator = ""
        if let meta { readMeta(meta) }
        let reader = ParagraphReader(styles: PromptStyles(styleParts), prompts: prompts)
        if let text = content.root?.child(Namespace.office, "body")?.child(Namespace.office, "text") {
            readBody(text, reader: reader, lines: !parts.isPackage)
        }
    }

    private mutating func readMeta(_ document: XMLDocument) {
        guard let meta = document.root?.child(Namespace.office, "meta") else { return }
        for element in meta.elements {
            if element.is(Namespace.meta, "user-defined"), let name = element.attribute(Namespace.meta, "name") {
                properties[name] = element.content
            } else if element.is(Namespace.meta, "generator") {
                generator = element.content
            }
        }
    }

    /// - Parameter lines: keep source lines (Flat XML); a package's parts have no useful lines.
    private mutating func readBody(_ text: XMLNode, reader: ParagraphReader, lines: Bool) {
        for node in text.descendants() where node.isElement {
            if node.is(Namespace.text, "p") || node.is(Namespace.text, "h") {
                guard !node.ancestors.contains(where: { $0.is(Namespace.text, "p") || $0.is(Namespace.text, "h") })
                else { continue }
                blocks.append(block(node, reader: reader, line: lines ? node.line : 0))
            } else if node.is(Namespace.table, "table") {
                tables.append(Self.rows(of: node, reader: reader))
            }
        }
    }

    private func block(_ node: XMLNode, reader: ParagraphReader, line: Int) -> Block {
        let reading = reader.read(node)
        let level = node.name == "h" ? Int(node.attribute(Namespace.text, "outline-level") ?? "1") ?? 1 : nil
        let inTable = node.ancestors.contains { $0.is(Namespace.table, "table-cell") }
        return Block(index: blocks.count + 1, line: line, text: reading.text, outlineLevel: level, inTable: inTable,
                     prompts: reading.prompts, styledText: reading.styledText)
    }

    private static func rows(of table: XMLNode, reader: ParagraphReader) -> [[String]] {
        table.descendants().filter { $0.is(Namespace.table, "table-row") }.map { row in
            row.elements.filter { $0.is(Namespace.table, "table-cell") }.map { cell in
                cell.descendants().filter { $0.is(Namespace.text, "p") || $0.is(Namespace.text, "h") }
                    .map { reader.read($0).text }.joined(separator: "\n").trimmingSpaces
            }
        }
    }
}
