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

    /// The first name of every lookup in `ops` and their sections: every field of the data they can read.
    static func names(_ ops: [Op]) -> Set<String> {
        var names = Set<String>()
        for op in ops {
            switch op {
            case .value(let lookup, _, _): lookup.path.first.map { _ = names.insert($0) }
            case .section(_, let lookup, let body):
                lookup.path.first.map { _ = names.insert($0) }
                names.formUnion(Self.names(body))
            case .literal, .read: continue
            }
        }
        return names
    }
}
