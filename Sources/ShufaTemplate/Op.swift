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
