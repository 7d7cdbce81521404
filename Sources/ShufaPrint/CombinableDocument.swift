import Foundation
import ShufaODF
import ShufaXML

/// A generated Flat ODF document read for combining: its parse tree, the part that must be the same
/// for documents to share one combined file (namespaces, fonts, styles, page styles), and its body.
package struct CombinableDocument: Sendable {
    let root: XMLNode
    /// Namespace declarations, root attributes, font faces, styles and master pages, serialised.
    let head: [UInt8]
    /// `office:text`.
    let text: XMLNode
    /// Declarations at the start of `office:text` (variables, sequences, forms…), written once.
    let prelude: [XMLNode]
    /// Everything after the prelude; starts with a paragraph, heading or table.
    let content: [XMLNode]

    /// Elements that may open `office:text` before any content (ODF 1.3, text-content-prelude).
    static let preludeNames: Set<String> = [
        "variable-decls", "sequence-decls", "user-field-decls", "dde-connection-decls",
        "alphabetical-index-auto-mark-file",
        "calculation-settings", "content-validations", "label-ranges", "forms", "tracked-changes",
    ]

    /// The document parsed as `tree`; nil when it cannot take part in a combined file (not a Flat ODF
    /// document, a 「共 N 页」 page-count field that would count the whole combined file, or a body that does
    /// not start with a paragraph, heading or table). Such documents are converted on their own.
    init?(_ tree: XMLDocument) {
        guard let root = tree.root, root.is(Namespace.office, "document"),
              let text = root.child(Namespace.office, "body")?.child(Namespace.office, "text") else { return nil }
        let children = text.elements
        let prelude = children.prefix { Self.preludeNames.contains($0.name) }
        let content = Array(children.dropFirst(prelude.count))
        guard let first = content.first, Self.startsCleanly(first),
              !root.descendants().contains(where: { $0.is(Namespace.text, "page-count") }) else { return nil }
        self.root = root
        self.text = text
        self.prelude = Array(prelude)
        self.content = content
        head = Self.head(of: root)
    }

    /// The head elements, in schema order.
    var headElements: [XMLNode] {
        ["font-face-decls", "styles", "automatic-styles", "master-styles"].compactMap {
            root.child(Namespace.office, $0)
        }
    }

    private static func startsCleanly(_ element: XMLNode) -> Bool {
        if element.is(Namespace.text, "p") || element.is(Namespace.text, "h") { return true }
        return element.is(Namespace.table, "table") && ODFCombiner.firstParagraph(in: element) != nil
    }

    private static func head(of root: XMLNode) -> [UInt8] {
        var out = Array(root.namespaceDeclarations.map { "\($0.prefix ?? "")=\($0.uri)" }.joined(separator: " ").utf8)
        out += Array(root.attributes.map { "\($0.qualifiedName)=\($0.value)" }.joined(separator: " ").utf8)
        let writer = XMLWriter()
        for name in ["font-face-decls", "styles", "automatic-styles", "master-styles"] {
            if let element = root.child(Namespace.office, name) { writer.write(element, to: &out) }
        }
        return out
    }
}
