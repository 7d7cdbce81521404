import ShufaXML

/// How a reader of ODF text treats an element inside a paragraph: what the template's read marks follow
/// (`TreeWriter`) and what the checks' `ParagraphReader` reads, the same for both.
package enum InlineElement: Equatable {
    /// A placeholder field: its text is a prompt.
    case placeholder
    /// A form field (LibreOffice input field, Word content control): a prompt while it shows one.
    case field(showingPrompt: Bool)
    /// `text:s`, `text:tab`, `text:line-break`: the white space it stands for.
    case space(String)
    /// Notes and comments: not part of the paragraph's text.
    case skipped
    /// Any other element: its content is read.
    case container

    package init(_ element: XMLNode) {
        switch (element.namespace, element.name) {
        case (Namespace.text?, "placeholder"): self = .placeholder
        case (Namespace.text?, "text-input"): self = .field(showingPrompt: false)
        case (Self.loext?, "content-control"):
            self = .field(showingPrompt: element.attribute(Self.loext, "showing-place-holder") == "true")
        case (Namespace.text?, "s"):
            self = .space(String(repeating: " ", count: Int(element.attribute(Namespace.text, "c") ?? "1") ?? 1))
        case (Namespace.text?, "tab"): self = .space("\t")
        case (Namespace.text?, "line-break"): self = .space("\n")
        case (Namespace.text?, "note"), (Namespace.office?, "annotation"): self = .skipped
        default: self = .container
        }
    }

    /// LibreOffice's namespace, whose content controls hold Word's prompts.
    package static let loext = "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"

    /// A placeholder's prompt without the angle brackets LibreOffice puts around it when saving.
    package static func withoutAngleBrackets(_ text: String) -> String {
        text.hasPrefix("<") && text.hasSuffix(">") && text.count >= 2 ? String(text.dropFirst().dropLast()) : text
    }
}
