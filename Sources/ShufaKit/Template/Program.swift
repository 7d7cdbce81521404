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
    /// A value, escaped; `markup` allows line breaks, tabs and runs of spaces as ODF elements.
    case value(Lookup, markup: Bool)
    /// A section and its body.
    case section(Marker.Kind, Lookup, [Op])
}

/// Fills a compiled body with data, appending UTF-8 XML to a buffer.
struct Renderer {
    private var frames: [Value]
    private(set) var output: [UInt8] = []

    init(data: Value, capacity: Int) {
        frames = [data]
        output.reserveCapacity(capacity)
    }

    mutating func run(_ ops: [Op]) {
        for op in ops {
            switch op {
            case .literal(let bytes): output.append(contentsOf: bytes)
            case .value(let lookup, let markup): appendValue(resolve(lookup), markup: markup)
            case .section(let kind, let lookup, let body): runSection(kind, resolve(lookup), body)
            }
        }
    }

    private mutating func runSection(_ kind: Marker.Kind, _ value: Value?, _ body: [Op]) {
        let empty = value?.isEmpty ?? true
        switch kind {
        case .unless: if empty { run(body) }
        case .when: if !empty { run(body) }
        default:
            guard let value, !empty else { return }
            let items: [Value]
            if case .list(let list) = value { items = list } else { items = [value] }
            for item in items {
                frames.append(item)
                run(body)
                frames.removeLast()
            }
        }
    }

    private func resolve(_ lookup: Lookup) -> Value? {
        var value: Value? = frames[frames.count - 1 - lookup.depth]
        for name in lookup.path { value = value?[name] }
        return value
    }

    private mutating func appendValue(_ value: Value?, markup: Bool) {
        guard case .text(let text) = value else { return }
        ODFText.append(text, to: &output, markup: markup)
    }
}
