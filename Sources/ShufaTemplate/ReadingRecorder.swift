/// What makes the reading of a document while it is rendered (the checks' `ReadingBuilder`): it meets the
/// template's read marks (`ReadMark`) and the values filled in, in document order.
package protocol ReadingRecorder: AnyObject {
    /// A read mark met; `output` is what the document holds so far (for counting lines).
    func meet(_ mark: ReadMark, output: [UInt8])
    /// A value rendered at this point, as its text is given.
    func meetValue(_ text: String, markup: Bool, styled: Bool)
}
