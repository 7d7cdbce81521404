import ShufaODF
import ShufaText
import ShufaXML

/// Turns an ODF text template into a `CompiledTemplate`: reads it once, removes vendor extensions,
/// finds and checks every marker against the data's fields, and serialises what does not change.
public enum TemplateCompiler {
    /// Compiles the Flat ODF (`.fodt`) bytes of a template.
    /// - Parameters:
    ///   - file: the name used in every error message.
    ///   - fields: the fields the template's data will have.
    public static func compile(
        _ bytes: [UInt8], file: String, fields: RecordSchema
    ) throws(TemplateErrors) -> CompiledTemplate {
        let document: XMLDocument
        do {
            document = try XMLDocument(bytes: bytes, source: file)
        } catch {
            throw TemplateErrors(errors: [
                TemplateError(location: TemplateLocation(file: file), problem: .unreadable(error.description))
            ])
        }
        var state = CompileState(file: file)
        guard let root = document.root, root.is(Namespace.office, "document"),
            let body = root.child(Namespace.office, "body"), body.child(Namespace.office, "text") != nil
        else {
            throw TemplateErrors(errors: [state.error(.notODFText)])
        }
        VendorExtensions.strip(root)
        let placed = state.findMarkers(in: body)
        state.placeSections(placed)
        if state.errors.isEmpty { state.rejectStrayMarkers(in: root) }
        guard state.errors.isEmpty else { throw TemplateErrors(errors: state.errors) }
        let template = state.assemble(root: root, body: body, fields: fields, styles: PromptStyles([document]))
        guard state.errors.isEmpty, let template else { throw TemplateErrors(errors: state.errors) }
        return template
    }
}

/// The working state of one compilation: locations of markers, the sections found, the errors.
private struct CompileState {
    let file: String
    var errors: [TemplateError] = []
    /// The section element put in the tree for each section, with its marker and location.
    var sections: [XMLNode: (marker: Marker, location: TemplateLocation)] = [:]
    /// Where each value marker stands.
    var values: [XMLNode: (marker: Marker, location: TemplateLocation)] = [:]

    init(file: String) { self.file = file }

    func error(_ problem: TemplateError.Problem, at location: TemplateLocation? = nil) -> TemplateError {
        TemplateError(location: location ?? TemplateLocation(file: file), problem: problem)
    }

    /// Replaces the markers of every body paragraph by marker elements; returns the section markers in order.
    mutating func findMarkers(in body: XMLNode) -> [SectionPlacement.Placed] {
        var placed: [SectionPlacement.Placed] = []
        let paragraphs = body.descendants().filter { $0.is(Namespace.text, "p") || $0.is(Namespace.text, "h") }
        for (index, paragraph) in paragraphs.enumerated() {
            let markers = ParagraphMarkers(paragraph: paragraph)
            let location = TemplateLocation(
                file: file, paragraph: index + 1, line: paragraph.line, excerpt: Self.excerpt(markers.text))
            let ranges: [Range<Int>]
            do { ranges = try markers.markerRanges() } catch {
                errors.append(self.error(error, at: location)); continue
            }
            for (element, inner) in markers.replaceMarkers(ranges) {
                guard let marker = Marker(inner: inner) else {
                    errors.append(self.error(.emptyMarker("{{\(inner)}}"), at: location))
                    element.remove()
                    continue
                }
                switch marker.kind {
                case .comment: element.remove()
                case .value: values[element] = (marker, location)
                default:
                    placed.append(
                        SectionPlacement.Placed(
                            element: element, marker: marker, paragraph: paragraph, location: location))
                }
            }
        }
        return placed
    }

    /// Pairs opening and closing markers and wraps each section's content (inner sections first).
    mutating func placeSections(_ placed: [SectionPlacement.Placed]) {
        var stack: [SectionPlacement.Placed] = []
        var pairs: [(SectionPlacement.Placed, SectionPlacement.Placed)] = []
        for item in placed {
            if item.marker.opensSection { stack.append(item); continue }
            guard let open = stack.last, open.marker.name == item.marker.name else {
                errors.append(
                    error(.unexpectedClose(item.marker.name, expected: stack.last?.marker.name), at: item.location))
                return
            }
            stack.removeLast()
            pairs.append((open, item))
        }
        for open in stack {
            errors.append(error(.unclosedSection(open.marker.name), at: open.location))
        }
        guard errors.isEmpty else { return }
        for (open, close) in pairs {
            let wrapper = open.element.makeElement("section", namespace: ParagraphMarkers.namespace, prefix: "shufa")
            do {
                try SectionPlacement.place(open: open, close: close, wrapper: wrapper)
                sections[wrapper] = (open.marker, open.location)
            } catch {
                errors.append(self.error(error, at: open.location))
            }
        }
    }

    /// A `{{` left anywhere else (headers, footers, styles, attributes) cannot work: say so.
    mutating func rejectStrayMarkers(in root: XMLNode) {
        for node in root.descendants() {
            let stray = node.isText ? node.content.contains("{{")
                : node.isElement && node.attributes.contains { $0.value.contains("{{") }
            guard stray else { continue }
            errors.append(
                error(
                    .markerOutsideBody,
                    at: TemplateLocation(
                        file: file, line: node.line,
                        excerpt: Self.excerpt(node.isText ? node.content : node.qualifiedName))))
        }
    }

    static func excerpt(_ text: String) -> String {
        let flat = text.trimmingSpaces.replacingOccurrences(of: "\n", with: " ")
        return flat.count > 24 ? String(flat.prefix(24)) + "…" : flat
    }

    /// Serialises the tree into the compiled template's static parts and body program.
    mutating func assemble(root: XMLNode, body: XMLNode, fields: RecordSchema,
                           styles: PromptStyles) -> CompiledTemplate? {
        var writer = TreeWriter(sections: sections, values: values, scopes: [.record(fields)], styles: styles)
        let parts = TemplateParts(root: root)
        writer.write(body)
        errors += writer.errors
        return CompiledTemplate(file: file, parts: parts, body: writer.finish(), readable: writer.readable,
                                fields: fields)
    }
}
