/// Where in a template something is: the file, the paragraph of the document body (1-based,
/// counting every paragraph and heading), the source line when known, and the paragraph's text.
public struct TemplateLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var paragraph: Int?
    public var line: Int?
    public var excerpt: String?

    public var description: String { TemplateMessages.text(self) }
}
