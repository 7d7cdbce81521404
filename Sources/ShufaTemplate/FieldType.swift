/// What shape each field of a template's data has, so a template can be checked before any
/// document is written: an unknown field or a list used as a value is a template error.
public indirect enum FieldType: Sendable, Equatable {
    case text
    case texts
    case records(RecordSchema)
}
