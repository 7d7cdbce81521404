import Foundation
import ShufaODF
import ShufaXML

/// Joins documents that share a head into one Flat ODF document: each one starts on a new page (its
/// own page style break) with page numbers restarting at 1, and carries a bookmark `shufa-doc-N` that
/// LibreOffice exports as a named PDF destination, so the page range of every document is known.
package struct ODFCombiner {
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
            + XMLEscaping.escaped(title)
            + "</\(prefix(Namespace.dc, "dc")):title></\(prefix(Namespace.office, "office")):meta>"
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
            tag +=
                (declaration.prefix.map { " xmlns:\($0)=\"" } ?? " xmlns=\"")
                + XMLEscaping.escaped(declaration.uri, quote: true) + "\""
        }
        for extra in extraNamespaces {
            tag += " xmlns:\(extra.prefix)=\"\(XMLEscaping.escaped(extra.uri, quote: true))\""
        }
        for attribute in root.attributes {
            tag += " \(attribute.qualifiedName)=\"\(XMLEscaping.escaped(attribute.value, quote: true))\""
        }
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
                out +=
                    Array("<\(office):automatic-styles>".utf8) + styleDefinitions
                    + Array("</\(office):automatic-styles>".utf8)
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
            writer.prepend[paragraph] = Array(
                "<\(text):bookmark \(text):name=\"\(ODFCombiner.bookmark(index))\"/>".utf8)
        }
        if index > 0,
            let heading = document.content.lazy.flatMap({ [$0] + $0.descendants() }).first(where: {
                $0.is(Namespace.text, "h")
            })
        {
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
            $0.is(Namespace.style, "style") && $0.attribute(Namespace.style, "name") == base
                && $0.attribute(Namespace.style, "family") == family
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
        if let declared = documents[0].root.namespaceDeclarations.first(where: { $0.uri == uri })?.prefix {
            return declared
        }
        if let extra = extraNamespaces.first(where: { $0.uri == uri }) { return extra.prefix }
        var candidate = preferred
        let taken = Set(documents[0].root.namespaceDeclarations.compactMap(\.prefix) + extraNamespaces.map(\.prefix))
        while taken.contains(candidate) { candidate += "1" }
        extraNamespaces.append((candidate, uri))
        return candidate
    }
}
