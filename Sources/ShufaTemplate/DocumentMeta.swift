import ShufaODF

/// Document metadata written into every generated file (`office:meta`), so a checker can tell
/// later what the document is and for whom: its title and named properties (自定义属性).
public struct DocumentMeta: Sendable, Equatable {
    public var title: String
    public var properties: [(name: String, value: String)]

    public init(title: String, properties: [(name: String, value: String)]) {
        self.title = title
        self.properties = properties
    }

    public static func == (a: DocumentMeta, b: DocumentMeta) -> Bool {
        a.title == b.title && a.properties.elementsEqual(b.properties) { $0 == $1 }
    }

    /// The `meta:generator` of every document shufa writes: a document that names it was written by shufa.
    package static let generator = "shufa"

    func xml() -> [UInt8] {
        let clean = { (text: String) in Substring(XMLEscaping.removingForbidden(text).text).utf8 }
        var out = Array("<office:meta><meta:generator>\(Self.generator)</meta:generator><dc:title>".utf8)
        XMLEscaping.append(clean(title), to: &out)
        out += Array("</dc:title><dc:language>zh-CN</dc:language>".utf8)
        for (name, value) in properties {
            out += Array("<meta:user-defined meta:name=\"".utf8)
            XMLEscaping.append(clean(name), to: &out, quote: true)
            out += Array("\">".utf8)
            XMLEscaping.append(clean(value), to: &out)
            out += Array("</meta:user-defined>".utf8)
        }
        return out + Array("</office:meta>".utf8)
    }

    /// A property's name or value as a reader of the written metadata gets it back: forbidden characters left
    /// out, line ends normalised as XML parsers do.
    package static func readBack(_ text: String) -> String {
        let clean = XMLEscaping.removingForbidden(text).text
        guard clean.utf8.contains(0x0D) else { return clean }
        return clean.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
