/// The fields of a record, by name.
public struct RecordSchema: Sendable, Equatable {
    public var fields: [String: FieldType]

    public init(_ fields: [String: FieldType]) { self.fields = fields }

    /// The fields as text, the same for equal schemas: `{名称:text,列表:[text],记录:{…}}`, names sorted.
    var signature: String {
        "{" + fields.keys.sorted().map { name in
            switch fields[name]! {
            case .text: return name + ":text"
            case .texts: return name + ":[text]"
            case .records(let inner): return name + ":" + inner.signature
            }
        }.joined(separator: ",") + "}"
    }
}
