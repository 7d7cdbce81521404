/// Fills a compiled body with data, appending UTF-8 XML to a buffer; with a `ReadingRecorder`, also makes the
/// reading of the document. Records the document's shape: which sections were left out, shown once, or
/// repeated (see `DocumentShape`).
struct Renderer {
    private var frames: [Value]
    private(set) var output: [UInt8] = []
    let reading: (any ReadingRecorder)?
    private(set) var shape: [UInt8] = []

    init(data: Value, capacity: Int, reading: (any ReadingRecorder)? = nil) {
        frames = [data]
        output.reserveCapacity(capacity)
        self.reading = reading
    }

    mutating func run(_ ops: [Op]) {
        for op in ops {
            switch op {
            case .literal(let bytes): output.append(contentsOf: bytes)
            case .value(let lookup, let markup, let styled):
                appendValue(resolve(lookup), markup: markup, styled: styled)
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
