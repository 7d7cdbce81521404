/// Where a field's value is found at render time: how many section levels up, then the path of
/// field names from there.
struct Lookup: Sendable {
    var depth: Int
    var path: [String]
}

/// A compiled template body: literal bytes, values and sections, ready to fill many times.
indirect enum Op: Sendable {
    /// Bytes copied as they are.
    case literal([UInt8])
    /// A value, escaped; `markup` allows line breaks, tabs and runs of spaces as ODF elements; `styled` says
    /// it stands in text of the prompt style (for the reading of the document).
    case value(Lookup, markup: Bool, styled: Bool)
    /// A section and its body.
    case section(Marker.Kind, Lookup, [Op])
    /// What a reader of the written document meets here (no bytes): see `ReadMark`.
    case read(ReadMark)
}

/// The structure of the written document as `ReportDocument` reads it back, placed in the program where the
/// reader meets it, so that a document's reading is made from its data as it is rendered (`ReadingBuilder`).
enum ReadMark: Sendable {
    /// A paragraph or heading of the body starts (after its start tag) or ends.
    case blockStart(outlineLevel: Int?, inTable: Bool)
    case blockEnd
    /// Fixed text of the template inside a paragraph, and whether it is in the prompt style.
    case text(String, styled: Bool)
    /// A placeholder field's prompt.
    case placeholder(String)
    /// A form field's content (a prompt when it shows one or its words are one).
    case field(String, showingPrompt: Bool, styled: Bool)
    case tableStart, tableEnd, rowStart, cellStart, cellEnd
}

/// Fills a compiled body with data, appending UTF-8 XML to a buffer; with a `ReadingBuilder`, also makes the
/// reading of the document. Records the document's shape: which sections were left out, shown once, or
/// repeated (see `DocumentShape`).
struct Renderer {
    private var frames: [Value]
    private(set) var output: [UInt8] = []
    var reading: ReadingBuilder?
    private(set) var shape: [UInt8] = []

    init(data: Value, capacity: Int, reading: ReadingBuilder? = nil) {
        frames = [data]
        output.reserveCapacity(capacity)
        self.reading = reading
    }

    mutating func run(_ ops: [Op]) {
        for op in ops {
            switch op {
            case .literal(let bytes): output.append(contentsOf: bytes)
            case .value(let lookup, let markup, let styled): appendValue(resolve(lookup), markup: markup, styled: styled)
            case .section(let kind, let lookup, let body): runSection(kind, resolve(lookup), body)
            case .read(let mark): reading?.meet(mark, output: output)
            }
        }
    }

    private mutating func runSection(_ kind: Marker.Kind, _ value: Value?, _ body: [Op]) {
        let empty = value?.isEmpty ?? true
        switch kind {
        case .unless, .when:
            shape.append(empty ? DocumentShape.absent : DocumentShape.present)
            if empty == (kind == .unless) { run(body) }
        default:
            guard let value, !empty else { return shape.append(DocumentShape.absent) }
            let items: [Value]
            if case .list(let list) = value { items = list } else { items = [value] }
            shape.append(DocumentShape.listOpen)
            var previous: [UInt8]?
            var repeated = false
            for item in items {
                let start = shape.count
                frames.append(item)
                run(body)
                frames.removeLast()
                let current = Array(shape[start...])
                if current == previous {
                    shape.removeSubrange(start...)
                    if !repeated { shape.append(DocumentShape.repeated) }
                    repeated = true
                } else {
                    shape.append(DocumentShape.itemEnd)
                    previous = current
                    repeated = false
                }
            }
            shape.append(DocumentShape.listClose)
        }
    }

    private func resolve(_ lookup: Lookup) -> Value? {
        var value: Value? = frames[frames.count - 1 - lookup.depth]
        for name in lookup.path { value = value?[name] }
        return value
    }

    private mutating func appendValue(_ value: Value?, markup: Bool, styled: Bool) {
        guard case .text(let text) = value else { return }
        ODFText.append(text, to: &output, markup: markup)
        reading?.meetValue(text, markup: markup, styled: styled)
    }
}

/// The shape of a rendered document: for every section met, whether it was left out or shown, and for a
/// list the shapes of its items, a run of items of the same shape counted as one item or as "two or more".
/// Two documents of a template with the same shape differ only in the texts of their values and in how often
/// an item of the same shape repeats (see `SchemaProof`).
enum DocumentShape {
    static let absent: UInt8 = 0, present: UInt8 = 1
    static let listOpen: UInt8 = 2, itemEnd: UInt8 = 3, repeated: UInt8 = 4, listClose: UInt8 = 5
}
