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
