import ShufaODF
import ShufaText

/// Writes a value as ODF paragraph content: escaped, with line breaks, tabs and runs of spaces as
/// `text:line-break`, `text:tab` and `text:s` (ODF collapses plain white space).
package enum ODFText {
    private static let lineBreak = Array("<text:line-break/>".utf8)
    private static let tab = Array("<text:tab/>".utf8)

    /// Appends `text` escaped; characters XML 1.0 forbids are left out, so no value can make the XML invalid.
    static func append(_ value: String, to output: inout [UInt8], markup: Bool) {
        if markup && XMLEscaping.isPlainContent(value) {
            var value = value
            value.withUTF8 { output.append(contentsOf: $0) }
            return
        }
        let text = XMLEscaping.removingForbidden(value).text
        let utf8 = Substring(text).utf8
        guard markup, utf8.contains(where: { $0 == 0x0A || $0 == 0x09 || $0 == 0x0D || $0 == 0x20 }) else {
            if markup { XMLEscaping.append(utf8, to: &output) } else { appendPlain(text, to: &output) }
            return
        }
        var spaces = 0
        func flushSpaces() {
            if spaces >= 1 { output.append(0x20) }
            if spaces == 2 { output.append(contentsOf: Array("<text:s/>".utf8)) }
            if spaces > 2 { output.append(contentsOf: Array("<text:s text:c=\"\(spaces - 1)\"/>".utf8)) }
            spaces = 0
        }
        var previous: UInt8 = 0
        for byte in utf8 {
            if byte == 0x20 { spaces += 1; previous = byte; continue }
            flushSpaces()
            switch byte {
            case 0x0A where previous == 0x0D: break
            case 0x0A, 0x0D: output.append(contentsOf: lineBreak)
            case 0x09: output.append(contentsOf: tab)
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"):
                XMLEscaping.append(Substring(String(UnicodeScalar(byte))).utf8, to: &output)
            default: output.append(byte)
            }
            previous = byte
        }
        flushSpaces()
    }

    /// The text a reader of the document gets back from what `append` wrote: forbidden characters left out,
    /// with markup a line break for CR LF, CR and LF (runs of spaces and tabs come back as they were), without
    /// markup a space for every line break.
    package static func readBack(_ value: String, markup: Bool) -> String {
        if markup && XMLEscaping.isPlainContent(value) { return value }
        let text = XMLEscaping.removingForbidden(value).text
        guard markup else {
            return LineBreaks.contains(text) ? String(text.map { $0.isNewline ? " " : $0 }) : text
        }
        guard text.utf8.contains(0x0D) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// In text-only elements (e.g. a placeholder): line breaks become spaces.
    private static func appendPlain(_ text: String, to output: inout [UInt8]) {
        let flat = LineBreaks.contains(text) ? String(text.map { $0.isNewline ? " " : $0 }) : text
        XMLEscaping.append(Substring(flat).utf8, to: &output)
    }
}
