import CLibXML2

/// A parsed XML document owned by libxml2, parsed with network access, DTD loading and entity
/// substitution off, so a hostile file can neither read local files nor expand entities.
public final class XMLDocument: @unchecked Sendable {
    /// The underlying libxml2 document; valid as long as this object lives.
    public let pointer: xmlDocPtr
    /// The name used in messages (file path or package part).
    public let source: String

    /// The largest document accepted, in bytes (256 MiB).
    public static let defaultSizeLimit = 256 << 20

    /// Parses `bytes`; `source` names the file or part in every message.
    public init(bytes: [UInt8], source: String, sizeLimit: Int = XMLDocument.defaultSizeLimit) throws(XMLParseError) {
        guard bytes.count <= sizeLimit else {
            throw .tooLarge(source: source, bytes: bytes.count, limit: sizeLimit)
        }
        if Self.declaresDoctype(bytes) { throw .doctypeForbidden(source: source) }
        XMLLibrary.initialize()
        let collector = IssueCollector(source: source)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)
        guard let ctxt = xmlNewParserCtxt() else {
            throw .malformed([XMLIssue(source: source, line: 0, message: XMLMessages.outOfMemory)])
        }
        defer { xmlFreeParserCtxt(ctxt) }
        let doc: xmlDocPtr? = collector.capture {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                    xmlCtxtReadMemory(ctxt, base, Int32(buffer.count), nil, "UTF-8", options)
                }
            }
        }
        guard let doc, ctxt.pointee.wellFormed != 0 else {
            if let doc { xmlFreeDoc(doc) }
            throw .malformed(
                collector.issues.isEmpty
                    ? [XMLIssue(source: source, line: 0, message: XMLMessages.unreadable)] : collector.issues)
        }
        if doc.pointee.intSubset != nil {
            xmlFreeDoc(doc)
            throw .doctypeForbidden(source: source)
        }
        self.pointer = doc
        self.source = source
    }

    deinit { xmlFreeDoc(pointer) }

    /// The root element.
    public var root: XMLNode? {
        xmlDocGetRootElement(pointer).map { XMLNode($0, owner: self) }
    }

    /// Serialises the document (or what is left of it) back to bytes, UTF-8.
    public func serialized() -> [UInt8] {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(pointer, &buffer, &size, "UTF-8")
        defer { shufa_xml_free(buffer) }
        guard let buffer else { return [] }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }

    /// True when a `<!DOCTYPE` appears before the first element: refused before libxml2 sees it.
    static func declaresDoctype(_ bytes: [UInt8]) -> Bool {
        let marker = Array("<!DOCTYPE".utf8)
        var index = 0
        while index + marker.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "<") {
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                if next != UInt8(ascii: "?") && next != UInt8(ascii: "!") { return false }
                if bytes[index..<(index + marker.count)].elementsEqual(marker) { return true }
            }
            index += 1
        }
        return false
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var result = self
        while result.last == "\n" || result.last == "\r" { result.removeLast() }
        return result
    }
}
