import Foundation
import ShufaXML

/// A text document read back for checking or extraction: its metadata, its body as a sequence of
/// paragraphs (with where each stands), and its tables.
public struct ReportDocument: Sendable {
    /// One paragraph or heading of the body, in document order.
    public struct Block: Sendable, Equatable {
        /// 1-based position among all paragraphs and headings of the body.
        public var index: Int
        /// The source line (meaningful for Flat XML).
        public var line: Int
        /// The visible text, placeholders' prompt text excluded.
        public var text: String
        /// `text:outline-level` for a heading (`text:h`), nil for a paragraph.
        public var outlineLevel: Int?
        /// True inside a table cell.
        public var inTable: Bool
        /// The prompts left in it: placeholder fields and text in the 提示 (Prompt) character style.
        public var placeholders: [String]
    }

    public var blocks: [Block]
    /// Each table as rows of cell texts.
    public var tables: [[[String]]]
    /// `meta:user-defined` properties, by name.
    public var properties: [String: String]
    /// `meta:generator`.
    public var generator: String

    /// Parses the content (and meta) parts of a document.
    public init(_ parts: ODFParts) throws(XMLParseError) {
        let contentName = parts.isPackage ? "content.xml" : parts.parts.first?.name ?? ""
        let content = try XMLDocument(bytes: parts.part(contentName) ?? [], source: contentName)
        var meta: XMLDocument? = content
        if parts.isPackage { meta = try parts.part("meta.xml").map { (bytes) throws(XMLParseError) in try XMLDocument(bytes: bytes, source: "meta.xml") } }
        blocks = []
        tables = []
        properties = [:]
        generator = ""
        if let meta { readMeta(meta) }
        if let text = content.root?.child(Namespace.office, "body")?.child(Namespace.office, "text") { readBody(text, lines: !parts.isPackage) }
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
    private mutating func readBody(_ text: XMLNode, lines: Bool) {
        for node in text.descendants() where node.isElement {
            if node.is(Namespace.text, "p") || node.is(Namespace.text, "h") {
                guard !node.ancestors.contains(where: { $0.is(Namespace.text, "p") || $0.is(Namespace.text, "h") }) else { continue }
                blocks.append(block(node, index: blocks.count + 1, line: lines ? node.line : 0))
            } else if node.is(Namespace.table, "table") {
                tables.append(Self.rows(of: node))
            }
        }
    }

    private func block(_ node: XMLNode, index: Int, line: Int) -> Block {
        var text = ""
        var placeholders: [String] = []
        func walk(_ current: XMLNode) {
            for child in current.children {
                if child.isText { text += child.content; continue }
                guard child.isElement else { continue }
                switch (child.namespace, child.name) {
                case (Namespace.text?, "placeholder"): placeholders.append(Self.prompt(child.content))
                case (Namespace.text?, "span") where child.attribute(Namespace.text, "style-name") == "Prompt":
                    placeholders.append(Self.prompt(child.content))
                case (Namespace.text?, "s"): text += String(repeating: " ", count: Int(child.attribute(Namespace.text, "c") ?? "1") ?? 1)
                case (Namespace.text?, "tab"): text += "\t"
                case (Namespace.text?, "line-break"): text += "\n"
                case (Namespace.text?, "note"), (Namespace.office?, "annotation"): continue
                default: walk(child)
                }
            }
        }
        walk(node)
        let level = node.name == "h" ? Int(node.attribute(Namespace.text, "outline-level") ?? "1") ?? 1 : nil
        let inTable = node.ancestors.contains { $0.is(Namespace.table, "table-cell") }
        return Block(index: index, line: line, text: text, outlineLevel: level, inTable: inTable, placeholders: placeholders)
    }

    /// A prompt's text without the angle brackets LibreOffice puts around a placeholder when saving, or
    /// the 【】 of a prompt in the 提示 (Prompt) character style.
    static func prompt(_ text: String) -> String {
        let bracketed = (text.hasPrefix("<") && text.hasSuffix(">")) || (text.hasPrefix("【") && text.hasSuffix("】"))
        return bracketed && text.count >= 2 ? String(text.dropFirst().dropLast()) : text
    }

    private static func rows(of table: XMLNode) -> [[String]] {
        table.descendants().filter { $0.is(Namespace.table, "table-row") }.map { row in
            row.elements.filter { $0.is(Namespace.table, "table-cell") }.map { $0.content.trimmingSpaces }
        }
    }
}
