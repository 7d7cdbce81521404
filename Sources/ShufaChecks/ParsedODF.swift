import ShufaODF
import ShufaXML

/// A document's XML parts, each parsed at most once, when first asked for: the reading of the report and the
/// schema validation share the parse.
package final class ParsedODF {
    let parts: ODFParts
    private var parsed: [String: Result<XMLDocument, XMLParseError>] = [:]

    init(_ parts: ODFParts) { self.parts = parts }

    /// The parse of part `name`; nil when the document has no such part.
    func document(_ name: String) -> Result<XMLDocument, XMLParseError>? {
        if let done = parsed[name] { return done }
        guard let bytes = parts.part(name) else { return nil }
        let result = Result { () throws(XMLParseError) in try XMLDocument(bytes: bytes, source: name) }
        parsed[name] = result
        return result
    }

    /// The name of the part that holds the body: `content.xml`, or the Flat XML file itself.
    var contentName: String { parts.isPackage ? "content.xml" : parts.parts.first?.name ?? "" }
}
