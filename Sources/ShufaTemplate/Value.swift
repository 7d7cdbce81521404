/// The data a template is filled with: texts, lists and records, keyed by the Chinese field names
/// documented in `templates/README.md`.
public indirect enum Value: Sendable, Equatable {
    case text(String)
    case list([Value])
    case record([String: Value])

    /// Empty text (spaces only counts as empty), empty list; a record is never empty.
    public var isEmpty: Bool {
        switch self {
        case .text(let text): return text.allSatisfy(\.isWhitespace)
        case .list(let items): return items.isEmpty
        case .record: return false
        }
    }

    /// A field of a record, nil otherwise.
    public subscript(field: String) -> Value? {
        if case .record(let fields) = self { return fields[field] }
        return nil
    }

    /// A list of texts.
    public static func texts(_ items: [String]) -> Value { .list(items.map(Value.text)) }
}
