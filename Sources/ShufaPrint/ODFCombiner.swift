import Foundation
import ShufaODF
import ShufaXML

/// A generated Flat ODF document read for combining: its parse tree, the part that must be the same
/// for documents to share one combined file (namespaces, fonts, styles, page styles), and its body.
struct CombinableDocument: Sendable {
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
        "variable-decls", "sequence-decls", "user-field-decls", "dde-connection-decls", "alphabetical-index-auto-mark-file",
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
        ["font-face-decls", "styles", "automatic-styles", "master-styles"].compactMap { root.child(Namespace.office, $0) }
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

/// Joins documents that share a head into one Flat ODF document: each one starts on a new page (its
/// own page style break) with page numbers restarting at 1, and carries a bookmark `shufa-doc-N` that
/// LibreOffice exports as a named PDF destination, so the page range of every document is known.
struct ODFCombiner {
    /// The bookmark marking the first page of document `index` of a combined file.
    static func bookmark(_ index: Int) -> String { String(format: "shufa-doc-%04d", index) }

    /// The first paragraph or heading inside `element`, in document order.
    static func firstParagraph(in element: XMLNode) -> XMLNode? {
        if element.is(Namespace.text, "p") || element.is(Namespace.text, "h") { return element }
        return element.descendants().first { $0.is(Namespace.text, "p") || $0.is(Namespace.text, "h") }
    }

    private let documents: [CombinableDocument]
    private var writer = XMLWriter()
    private var extraNamespaces: [(prefix: String, uri: String)] = []
    private var startStyles: [String: String] = [:]
    private var styleDefinitions: [UInt8] = []
    private var usedStyleNames: Set<String>

    /// The combined document of `documents` (which must share one head), titled `title`.
    static func combine(_ documents: [CombinableDocument], title: String) -> [UInt8] {
        var combiner = ODFCombiner(documents)
        return combiner.run(title: title)
    }

    private init(_ documents: [CombinableDocument]) {
        self.documents = documents
        usedStyleNames = Set(documents[0].headElements.flatMap { $0.descendants() }
            .compactMap { $0.attribute(Namespace.style, "name") })
    }

    private mutating func run(title: String) -> [UInt8] {
        var body: [UInt8] = []
        for (index, document) in documents.enumerated() { markStart(of: document, index: index) }
        let first = documents[0]
        writer.write(first.text, to: &body, children: first.prelude + documents.flatMap(\.content))
        let meta = "<\(prefix(Namespace.office, "office")):meta><\(prefix(Namespace.dc, "dc")):title>"
            + XMLEscaping.escaped(title) + "</\(prefix(Namespace.dc, "dc")):title></\(prefix(Namespace.office, "office")):meta>"
        var out = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8) + rootStart() + Array(meta.utf8)
        out += headXML()
        let office = prefix(Namespace.office, "office")
        out += Array("<\(office):body>".utf8) + body + Array("</\(office):body></\(office):document>\n".utf8)
        return out
    }

    /// The root start tag of the first document, with any namespace the combined parts add.
    private func rootStart() -> [UInt8] {
        let root = documents[0].root
        var tag = "<" + root.qualifiedName
        for declaration in root.namespaceDeclarations {
            tag += (declaration.prefix.map { " xmlns:\($0)=\"" } ?? " xmlns=\"") + XMLEscaping.escaped(declaration.uri, quote: true) + "\""
        }
        for extra in extraNamespaces { tag += " xmlns:\(extra.prefix)=\"\(XMLEscaping.escaped(extra.uri, quote: true))\"" }
        for attribute in root.attributes { tag += " \(attribute.qualifiedName)=\"\(XMLEscaping.escaped(attribute.value, quote: true))\"" }
        return Array((tag + ">").utf8)
    }

    /// Fonts, styles (with the start styles added to the automatic ones) and master pages.
    private func headXML() -> [UInt8] {
        var out: [UInt8] = []
        let root = documents[0].root
        var writer = XMLWriter()
        for name in ["font-face-decls", "styles", "automatic-styles", "master-styles"] {
            if let element = root.child(Namespace.office, name) {
                if name == "automatic-styles" { writer.append[element] = styleDefinitions }
                writer.write(element, to: &out)
            } else if name == "automatic-styles" {
                let office = root.prefix ?? "office"
                out += Array("<\(office):automatic-styles>".utf8) + styleDefinitions + Array("</\(office):automatic-styles>".utf8)
            }
        }
        return out
    }

    // MARK: Document starts

    /// Gives the first element of `document` a style that breaks to a new page numbered 1, and puts the
    /// bookmark in its first paragraph; later documents' first heading restarts outline numbering.
    private mutating func markStart(of document: CombinableDocument, index: Int) {
        let first = document.content[0]
        let isTable = first.is(Namespace.table, "table")
        let namespace = isTable ? Namespace.table : Namespace.text
        let base = first.attribute(namespace, "style-name")
        let name = startStyle(for: base, table: isTable)
        writer.changes[first, default: []].append((prefix(namespace, isTable ? "table" : "text") + ":style-name", name))
        if let paragraph = ODFCombiner.firstParagraph(in: first) {
            let text = prefix(Namespace.text, "text")
            writer.prepend[paragraph] = Array("<\(text):bookmark \(text):name=\"\(ODFCombiner.bookmark(index))\"/>".utf8)
        }
        if index > 0, let heading = document.content.lazy.flatMap({ [$0] + $0.descendants() }).first(where: { $0.is(Namespace.text, "h") }) {
            writer.changes[heading, default: []].append((prefix(Namespace.text, "text") + ":restart-numbering", "true"))
        }
    }

    /// The name of the automatic style that starts a document whose first element has style `base`.
    private mutating func startStyle(for base: String?, table: Bool) -> String {
        let key = (table ? "table:" : "paragraph:") + (base ?? "")
        if let known = startStyles[key] { return known }
        var number = startStyles.count + 1
        while usedStyleNames.contains("shufa-start-\(number)") { number += 1 }
        let name = "shufa-start-\(number)"
        usedStyleNames.insert(name)
        startStyles[key] = name
        styleDefinitions += definition(name, base: base, family: table ? "table" : "paragraph")
        return name
    }

    /// A copy of the automatic style `base` (or a style derived from the common style `base`) that breaks
    /// to the document's page style with page number 1.
    private mutating func definition(_ name: String, base: String?, family: String) -> [UInt8] {
        let style = prefix(Namespace.style, "style")
        let properties = "\(style):\(family)-properties"
        let automatic = documents[0].root.child(Namespace.office, "automatic-styles")?.elements.first {
            $0.is(Namespace.style, "style") && $0.attribute(Namespace.style, "name") == base && $0.attribute(Namespace.style, "family") == family
        }
        let master = automatic?.attribute(Namespace.style, "master-page-name") ?? firstMasterPage()
        guard let automatic else {
            let parent = base.map { " \(style):parent-style-name=\"\(XMLEscaping.escaped($0, quote: true))\"" } ?? ""
            return Array(("<\(style):style \(style):name=\"\(name)\" \(style):family=\"\(family)\"\(parent) "
                          + "\(style):master-page-name=\"\(XMLEscaping.escaped(master, quote: true))\">"
                          + "<\(properties) \(style):page-number=\"1\"/></\(style):style>").utf8)
        }
        var copier = XMLWriter()
        copier.changes[automatic] = [("\(style):name", name), ("\(style):master-page-name", master)]
        if let existing = automatic.elements.first(where: { $0.is(Namespace.style, "\(family)-properties") }) {
            copier.changes[existing] = [("\(style):page-number", "1")]
        } else {
            copier.prepend[automatic] = Array("<\(properties) \(style):page-number=\"1\"/>".utf8)
        }
        var out: [UInt8] = []
        copier.write(automatic, to: &out)
        return out
    }

    private func firstMasterPage() -> String {
        documents[0].root.child(Namespace.office, "master-styles")?.elements
            .first { $0.is(Namespace.style, "master-page") }?.attribute(Namespace.style, "name") ?? "Standard"
    }

    /// The prefix the first document uses for `uri`, or `preferred` declared on the combined root.
    private mutating func prefix(_ uri: String, _ preferred: String) -> String {
        if let declared = documents[0].root.namespaceDeclarations.first(where: { $0.uri == uri })?.prefix { return declared }
        if let extra = extraNamespaces.first(where: { $0.uri == uri }) { return extra.prefix }
        var candidate = preferred
        let taken = Set(documents[0].root.namespaceDeclarations.compactMap(\.prefix) + extraNamespaces.map(\.prefix))
        while taken.contains(candidate) { candidate += "1" }
        extraNamespaces.append((candidate, uri))
        return candidate
    }
}

/// Writes XML subtrees back to bytes, with attribute changes and extra content for chosen elements.
struct XMLWriter {
    /// Attributes to set (qualified name, value) on an element, replacing any of the same name.
    var changes: [XMLNode: [(name: String, value: String)]] = [:]
    /// Raw XML written as the first content of an element.
    var prepend: [XMLNode: [UInt8]] = [:]
    /// Raw XML written as the last content of an element.
    var append: [XMLNode: [UInt8]] = [:]

    /// Writes `node` and its subtree (or, when given, `children` in place of its own).
    func write(_ node: XMLNode, to out: inout [UInt8], children: [XMLNode]? = nil) {
        if node.isText {
            XMLEscaping.append(Substring(node.content).utf8, to: &out)
            return
        }
        guard node.isElement else { return }
        out += Array(("<" + node.qualifiedName).utf8)
        for declaration in node.namespaceDeclarations {
            out += Array((declaration.prefix.map { " xmlns:\($0)=\"" } ?? " xmlns=\"").utf8)
            XMLEscaping.append(Substring(declaration.uri).utf8, to: &out, quote: true)
            out.append(UInt8(ascii: "\""))
        }
        writeAttributes(of: node, to: &out)
        let content = children ?? node.children
        let before = prepend[node] ?? [], after = append[node] ?? []
        if content.isEmpty && before.isEmpty && after.isEmpty {
            out += Array("/>".utf8)
            return
        }
        out.append(UInt8(ascii: ">"))
        out += before
        for child in content { write(child, to: &out) }
        out += after
        out += Array("</\(node.qualifiedName)>".utf8)
    }

    private func writeAttributes(of node: XMLNode, to out: inout [UInt8]) {
        var pairs = node.attributes.map { (name: $0.qualifiedName, value: $0.value) }
        for change in changes[node] ?? [] {
            if let index = pairs.firstIndex(where: { $0.name == change.name }) { pairs[index].value = change.value } else { pairs.append(change) }
        }
        for pair in pairs {
            out += Array(" \(pair.name)=\"".utf8)
            XMLEscaping.append(Substring(pair.value).utf8, to: &out, quote: true)
            out.append(UInt8(ascii: "\""))
        }
    }
}
