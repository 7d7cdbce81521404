/// The structure of the written document as a reader reads it back, placed in the program where the reader
/// meets it, so that a document's reading is made from its data as it is rendered (`ReadingRecorder`).
package enum ReadMark: Sendable {
    /// A paragraph or heading of the body starts (after its start tag) or ends.
    case blockStart(outlineLevel: Int?, inTable: Bool)
    case blockEnd
    /// Fixed text of the template inside a paragraph, and whether it is in the prompt style.
    case text(String, styled: Bool)
    /// A placeholder field's prompt.
    case placeholder(String)
    /// A form field's content (a prompt when it shows one or its words are one).
    case field(String, showingPrompt: Bool, styled: Bool)
    case tableStart, tableEnd, rowStart, cellStart, cellEnd
}
