/// A problem reading XML: where it is and what libxml2 said.
public struct XMLIssue: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or part the issue is in.
    public var source: String
    /// 1-based line, 0 when unknown.
    public var line: Int
    public var message: String

    public init(source: String, line: Int, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(source):\(line): \(message)" : "\(source): \(message)"
    }
}

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
