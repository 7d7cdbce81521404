/// Why a document could not be parsed.
public enum XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are not well-formed XML.
    case malformed([XMLIssue])
    /// The document declares a DTD; ODF never does, and DTDs carry entity attacks.
    case doctypeForbidden(source: String)
    /// The document is larger than the configured limit.
    case tooLarge(source: String, bytes: Int, limit: Int)

    public var description: String { XMLMessages.text(self) }
}
