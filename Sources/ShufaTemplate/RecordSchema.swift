/// The fields of a record, by name.
public struct RecordSchema: Sendable, Equatable {
    public var fields: [String: FieldType]

    public init(_ fields: [String: FieldType]) { self.fields = fields }
}
