import ShufaText

/// A marker as written in a template: `{{姓名}}`, `{{#述职内容}}`, `{{?存在问题}}`, `{{^述法内容}}`,
/// `{{/述职内容}}`, `{{.}}` or `{{! 注释}}`.
struct Marker: Equatable {
    enum Kind: Equatable {
        /// `{{name}}`: insert a value.
        case value
        /// `{{#name}}`: repeat per item, or show once when not empty.
        case each
        /// `{{?name}}`: show once when not empty.
        case when
        /// `{{^name}}`: show when empty.
        case unless
        /// `{{/name}}`: end of a section.
        case close
        /// `{{! …}}`: removed.
        case comment
    }

    var kind: Kind
    /// The field path (`述法要点`, `指标.名称`, `.`), empty for comments.
    var name: String

    /// The opening and closing delimiters.
    static let open: [Unicode.Scalar] = ["{", "{"]
    static let close: [Unicode.Scalar] = ["}", "}"]

    /// Parses the text between the braces; nil when it names nothing.
    init?(inner: String) {
        let trimmed = inner.trimmingSpaces
        guard let first = trimmed.first else { return nil }
        let kinds: [Character: Kind] = ["#": .each, "?": .when, "^": .unless, "/": .close, "!": .comment]
        if let kind = kinds[first] {
            self.kind = kind
            self.name = kind == .comment ? "" : String(trimmed.dropFirst()).trimmingSpaces
            if kind != .comment && name.isEmpty { return nil }
        } else {
            self.kind = .value
            self.name = trimmed
        }
        if name.contains(where: { "{}<>&\"".contains($0) }) { return nil }
    }

    var opensSection: Bool { kind == .each || kind == .when || kind == .unless }

    /// How it was written, for messages.
    var written: String {
        switch kind {
        case .value: return "{{\(name)}}"
        case .each: return "{{#\(name)}}"
        case .when: return "{{?\(name)}}"
        case .unless: return "{{^\(name)}}"
        case .close: return "{{/\(name)}}"
        case .comment: return "{{!…}}"
        }
    }
}
