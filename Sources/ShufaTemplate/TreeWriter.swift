import ShufaODF
import ShufaText
import ShufaXML

/// Serialises a template subtree into a program: literal XML for what is fixed, value and section
/// operations where markers were, checking every field against the scopes in force. With the prompt styles of
/// the template, it also places read marks (`ReadMark`) where a reader of the written document meets
/// paragraphs, their fixed text and fields, and tables; a template whose body a reader sees in ways the marks do
/// not follow (a value inside a field, a paragraph inside a paragraph, a table inside a table) is not
/// `readable`, and its documents are read back from their XML instead.
struct TreeWriter {
    /// What the fields visible at one section level are.
    enum Scope {
        case record(RecordSchema)
        /// Inside a section over texts: only `{{.}}`.
        case textItem
    }

    /// Where in the document a node stands, for the bytes and for the read marks.
    struct Place {
        var inParagraph = false
        var markup = true
        /// Inside text of the prompt style.
        var styled = false
        /// Inside a table cell, a table, a table row.
        var inCell = false, inTable = false, inRow = false
        /// Inside what the reader does not read as text (a note) or reads whole (a field): no read marks.
        var silent = false
    }

    let sections: [XMLNode: (marker: Marker, location: TemplateLocation)]
    let values: [XMLNode: (marker: Marker, location: TemplateLocation)]
    var scopes: [Scope]
    /// The template's prompt styles; nil writes no read marks.
    let styles: PromptStyles?
    var errors: [TemplateError] = []
    /// False when read marks cannot describe how a reader sees the body.
    private(set) var readable = true
    private var ops: [Op] = []
    private var pending: [UInt8] = []

    /// Elements inside a paragraph that may hold markup (line breaks, spaces) besides plain text.
    private static let markupContainers: Set<String> = ["p", "h", "span", "a", "meta"]

    init(sections: [XMLNode: (marker: Marker, location: TemplateLocation)],
         values: [XMLNode: (marker: Marker, location: TemplateLocation)], scopes: [Scope],
         styles: PromptStyles? = nil) {
        self.sections = sections
        self.values = values
        self.scopes = scopes
        self.styles = styles
    }

    mutating func finish() -> [Op] {
        flush()
        return ops
    }

    mutating func finishLiteral() -> [UInt8] { pending }

    mutating func write(_ node: XMLNode) { write(node, Place()) }

    private mutating func write(_ node: XMLNode, _ place: Place) {
        if node.isText {
            let text = node.content
            if place.inParagraph || !text.allSatisfy(\.isWhitespace) {
                XMLEscaping.append(Substring(text).utf8, to: &pending)
            }
            if place.inParagraph { mark(.text(text, styled: place.styled), place) }
            return
        }
        guard node.isElement else { return }
        if node.namespace == ParagraphMarkers.namespace {
            if place.silent { readable = false }
            if let section = sections[node] { writeSection(node, section.marker, section.location, place) }
            if let value = values[node] { writeValue(value.marker, value.location, place) }
            return
        }
        let isParagraph = node.namespace == Namespace.text && (node.name == "p" || node.name == "h")
        var inner = place
        inner.markup = place.markup
            && (!place.inParagraph || (node.namespace == Namespace.text && Self.markupContainers.contains(node.name)))
        var after: ReadMark?
        if isParagraph && place.inParagraph {
            readable = false
        } else if isParagraph {
            inner.inParagraph = true
            inner.styled = styles?.marks(node) ?? false
            let level = node.name == "h" ? Int(node.attribute(Namespace.text, "outline-level") ?? "1") ?? 1 : nil
            writeStartTag(node, place)
            mark(.blockStart(outlineLevel: level, inTable: place.inCell), place)
            return writeContent(node, inner, end: .blockEnd)
        } else if place.inParagraph {
            after = readInParagraph(node, &inner)
        } else {
            after = tableMark(node, &inner)
        }
        writeStartTag(node, place)
        writeContent(node, inner, end: after)
    }

    /// The read marks of an element inside a paragraph, as a reader reads it (`InlineElement`).
    private mutating func readInParagraph(_ node: XMLNode, _ inner: inout Place) -> ReadMark? {
        let role = InlineElement(node)
        guard role != .container else {
            inner.styled = inner.styled || (styles?.marks(node) ?? false)
            return nil
        }
        let holdsMarkers = node.descendants().contains { $0.namespace == ParagraphMarkers.namespace }
        let holdsParagraphs = node.descendants().contains { $0.is(Namespace.text, "p") || $0.is(Namespace.text, "h") }
        if holdsMarkers || holdsParagraphs { readable = false }
        switch role {
        case .placeholder: mark(.placeholder(InlineElement.withoutAngleBrackets(node.content)), inner)
        case .field(let showing): mark(.field(node.content, showingPrompt: showing, styled: inner.styled), inner)
        case .space(let text): mark(.text(text, styled: inner.styled), inner)
        case .skipped, .container: break
        }
        inner.silent = true
        return nil
    }

    /// The read marks of tables, rows and cells (a table inside a table is not followed).
    private mutating func tableMark(_ node: XMLNode, _ inner: inout Place) -> ReadMark? {
        guard node.namespace == Namespace.table else { return nil }
        switch node.name {
        case "table":
            if inner.inTable { readable = false }
            inner.inTable = true
            inner.inRow = false
            mark(.tableStart, inner)
            return .tableEnd
        case "table-row" where inner.inTable:
            inner.inRow = true
            mark(.rowStart, inner)
            return nil
        case "table-cell":
            inner.inCell = true
            guard inner.inRow else { return nil }
            inner.inRow = false
            mark(.cellStart, inner)
            return .cellEnd
        default:
            if inner.inRow { inner.inRow = false }
            return nil
        }
    }

    private mutating func writeStartTag(_ node: XMLNode, _ place: Place) {
        literal((place.inParagraph ? "<" : "\n<") + node.qualifiedName)
        for declaration in node.namespaceDeclarations {
            literal(declaration.prefix.map { " xmlns:\($0)=\"" } ?? " xmlns=\"")
            XMLEscaping.append(Substring(declaration.uri).utf8, to: &pending, quote: true)
            literal("\"")
        }
        for attribute in node.attributes {
            literal(" \(attribute.qualifiedName)=\"")
            XMLEscaping.append(Substring(attribute.value).utf8, to: &pending, quote: true)
            literal("\"")
        }
    }

    /// The element's children and end tag (the start tag written), then `end`'s read mark.
    private mutating func writeContent(_ node: XMLNode, _ inner: Place, end: ReadMark?) {
        let children = node.children
        if children.isEmpty {
            literal("/>")
        } else {
            literal(">")
            for child in children { write(child, inner) }
            literal("</\(node.qualifiedName)>")
        }
        if let end { mark(end, inner) }
    }

    private mutating func mark(_ mark: ReadMark, _ place: Place) {
        guard styles != nil, !place.silent else { return }
        flush()
        ops.append(.read(mark))
    }

    private mutating func writeSection(_ node: XMLNode, _ marker: Marker, _ location: TemplateLocation, _ place: Place)
    {
        guard let (lookup, type) = resolve(marker.name, at: location) else { return }
        var inner = TreeWriter(sections: sections, values: values, scopes: scopes, styles: styles)
        if marker.kind == .each {
            switch type {
            case .records(let schema): inner.scopes.append(.record(schema))
            case .texts, .text: inner.scopes.append(.textItem)
            }
        }
        for child in node.children { inner.write(child, place) }
        errors += inner.errors
        readable = readable && inner.readable
        flush()
        ops.append(.section(marker.kind, lookup, inner.finish()))
    }

    private mutating func writeValue(_ marker: Marker, _ location: TemplateLocation, _ place: Place) {
        guard let (lookup, type) = resolve(marker.name, at: location) else { return }
        guard type == .text else {
            errors.append(TemplateError(location: location, problem: .listAsValue(marker.name)))
            return
        }
        flush()
        ops.append(.value(lookup, markup: place.markup, styled: place.styled))
    }

    /// Finds `name` from the innermost scope outwards.
    private mutating func resolve(_ name: String, at location: TemplateLocation) -> (Lookup, FieldType)? {
        if name == "." {
            if case .textItem = scopes.last { return (Lookup(depth: 0, path: []), .text) }
            errors.append(TemplateError(location: location, problem: .dotOutsideTextList))
            return nil
        }
        for (offset, scope) in scopes.reversed().enumerated() {
            if case .record(let schema) = scope, let type = schema.fields[name] {
                return (Lookup(depth: offset, path: [name]), type)
            }
        }
        errors.append(
            TemplateError(location: location, problem: .unknownField(name, suggestion: suggestion(for: name))))
        return nil
    }

    private func suggestion(for name: String) -> String? {
        let visible = scopes.flatMap { scope -> [String] in
            if case .record(let schema) = scope { return Array(schema.fields.keys) }
            return []
        }
        let scored = visible.map { ($0, EditDistance.between($0, name)) }.filter { $0.1 <= max(1, name.count / 2) }
        return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    private mutating func literal(_ text: String) { pending.append(contentsOf: text.utf8) }

    private mutating func flush() {
        guard !pending.isEmpty else { return }
        ops.append(.literal(pending))
        pending = []
    }
}
