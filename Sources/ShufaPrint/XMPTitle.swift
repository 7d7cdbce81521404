import ShufaODF

/// The title inside XMP metadata (`dc:title` / `rdf:Alt` / `rdf:li`).
enum XMPTitle {
    /// `xmp` with the text of its first dc:title entry replaced by `title`; nil when it has none.
    static func replace(in xmp: [UInt8], with title: String) -> [UInt8]? {
        guard let titleStart = find(Array("<dc:title>".utf8), in: xmp, from: 0),
              let item = find(Array("<rdf:li".utf8), in: xmp, from: titleStart),
              let open = xmp[item...].firstIndex(of: UInt8(ascii: ">")),
              let close = find(Array("</rdf:li>".utf8), in: xmp, from: open) else { return nil }
        return Array(xmp[...open]) + Array(XMLEscaping.escaped(title).utf8) + Array(xmp[close...])
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        return (start...(haystack.count - needle.count)).first {
            haystack[$0..<($0 + needle.count)].elementsEqual(needle)
        }
    }
}
