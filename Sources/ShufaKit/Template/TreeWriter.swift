import ShufaODF
import ShufaXML

/// Serialises a template subtree into a program: literal XML for what is fixed, value and section
/// operations where markers were, checking every field against the scopes in force.
struct TreeWriter {
    /// What the fields visible at one section level are.
    enum Scope {
        case record(RecordSchema)
        /// Inside a section over texts: only `{{.}}`.
        case textItem
    }

    let sections: [XMLNode: (marker: Marker, location: TemplateLocation)]
    let values: [XMLNode: (marker: Marker, location: TemplateLocation)]
    var scopes: [Scope]
    var errors: [TemplateError] = []
    private var ops: [Op] = []
    private var pending: [UInt8] = []

    /// Elements inside a paragraph that may hold markup (line breaks, spaces) besides plain text.
    private static let markupContainers: Set<String> = ["p", "h", "span", "a", "meta"]

    init(sections: [XMLNode: (marker: Marker, location: TemplateLocation)],
         values: [XMLNode: (marker: Marker, location: TemplateLocation)], scopes: [Scope]) {
        self.sections = sections
        self.values = values
        self.scopes = scopes
    }

    mutating func finish() -> [Op] {
        flush()
        return ops
    }

    mutating func finishLiteral() -> [UInt8] { pending }

    mutating func write(_ node: XMLNode) { write(node, inParagraph: false, markup: true) }

    private mutating func write(_ node: XMLNode, inParagraph: Bool, markup: Bool) {
        if node.isText {
            let text = node.content
            if inParagraph || !text.allSatisfy(\.isWhitespace) { XMLEscaping.append(Substring(text).utf8, to: &pending) }
            return
        }
        guard node.isElement else { return }
        if node.namespace == ParagraphMarkers.namespace {
            if let section = sections[node] { writeSection(node, section.marker, section.location, inParagraph: inParagraph, markup: markup) }
            if let value = values[node] { writeValue(value.marker, value.location, markup: markup) }
            return
        }
        let isParagraph = node.namespace == Namespace.text && (node.name == "p" || node.name == "h")
        let childMarkup = markup && (!inParagraph || (node.namespace == Namespace.text && Self.markupContainers.contains(node.name)))
        literal((inParagraph ? "<" : "\n<") + node.qualifiedName)
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
        let children = node.children
        if children.isEmpty { literal("/>"); return }
        literal(">")
        for child in children { write(child, inParagraph: inParagraph || isParagraph, markup: childMarkup) }
        literal("</\(node.qualifiedName)>")
    }

    private mutating func writeSection(_ node: XMLNode, _ marker: Marker, _ location: TemplateLocation, inParagraph: Bool, markup: Bool) {
        guard let (lookup, type) = resolve(marker.name, at: location) else { return }
        var inner = TreeWriter(sections: sections, values: values, scopes: scopes)
        if marker.kind == .each {
            switch type {
            case .records(let schema): inner.scopes.append(.record(schema))
            case .texts, .text: inner.scopes.append(.textItem)
            }
        }
        for child in node.children { inner.write(child, inParagraph: inParagraph, markup: markup) }
        errors += inner.errors
        flush()
        ops.append(.section(marker.kind, lookup, inner.finish()))
    }

    private mutating func writeValue(_ marker: Marker, _ location: TemplateLocation, markup: Bool) {
        guard let (lookup, type) = resolve(marker.name, at: location) else { return }
        guard type == .text else {
            errors.append(TemplateError(location: location, problem: .listAsValue(marker.name)))
            return
        }
        flush()
        ops.append(.value(lookup, markup: markup))
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
        errors.append(TemplateError(location: location, problem: .unknownField(name, suggestion: suggestion(for: name))))
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

/// Levenshtein distance over characters, for "did you mean" hints.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
