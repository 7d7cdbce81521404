/// Every problem found in a template, reported together.
public struct TemplateErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [TemplateError]
    public var description: String { TemplateMessages.text(self) }
}
