import ShufaODF

/// The file formats shufa writes.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// ODF Flat XML, one XML file.
    case fodt
    /// ODF package, a ZIP archive.
    case odt

    public var fileExtension: String { rawValue }
}

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

    func xml() -> [UInt8] {
        var out = Array("<office:meta><meta:generator>\(ReportChecker.generator)</meta:generator><dc:title>".utf8)
        XMLEscaping.append(Substring(title).utf8, to: &out)
        out += Array("</dc:title><dc:language>zh-CN</dc:language>".utf8)
        for (name, value) in properties {
            out += Array("<meta:user-defined meta:name=\"".utf8)
            XMLEscaping.append(Substring(name).utf8, to: &out, quote: true)
            out += Array("\">".utf8)
            XMLEscaping.append(Substring(value).utf8, to: &out)
            out += Array("</meta:user-defined>".utf8)
        }
        return out + Array("</office:meta>".utf8)
    }
}

/// A template read and checked once, then filled for any number of documents.
public struct CompiledTemplate: Sendable {
    /// The template's file name, for messages.
    public let file: String
    private let flatHead: [UInt8]
    private let flatMiddle: [UInt8]
    private let contentHead: [UInt8]
    private let metaHead: [UInt8]
    private let body: [Op]
    private let package: ODFPackageBuilder
    private let sizeHint: Int

    private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    init(file: String, parts: TemplateParts, body: [Op]) {
        self.file = file
        self.body = body
        let ns = parts.namespaceDeclarations
        flatHead = Array((Self.declaration + "<office:document\(ns) office:version=\"1.3\" office:mimetype=\"\(ODFPackageBuilder.textMediaType)\">").utf8)
        flatMiddle = parts.fontFaces + parts.styles + parts.automaticStyles + parts.masterStyles
        contentHead = Array((Self.declaration + "<office:document-content\(ns) office:version=\"1.3\">").utf8)
            + parts.fontFaces + parts.automaticStyles
        metaHead = Array((Self.declaration + "<office:document-meta\(ns) office:version=\"1.3\">").utf8)
        let styles = Array((Self.declaration + "<office:document-styles\(ns) office:version=\"1.3\">").utf8)
            + parts.fontFaces + parts.styles + parts.automaticStyles + parts.masterStyles + Array("</office:document-styles>\n".utf8)
        package = ODFPackageBuilder(staticParts: [("styles.xml", styles)], dynamicPartNames: ["content.xml", "meta.xml"], level: 1)
        sizeHint = flatHead.count + flatMiddle.count + 16_384
    }

    /// The document for `data`, in `format`, with `meta` as its metadata.
    public func render(_ data: Value, meta: DocumentMeta, format: OutputFormat) -> [UInt8] {
        switch format {
        case .fodt:
            var out = flatHead
            out.reserveCapacity(sizeHint)
            out += meta.xml()
            out += flatMiddle
            out += renderBody(data)
            out += Array("</office:document>\n".utf8)
            return out
        case .odt:
            let content = contentHead + renderBody(data) + Array("</office:document-content>\n".utf8)
            let metaPart = metaHead + meta.xml() + Array("</office:document-meta>\n".utf8)
            return package.package([("content.xml", content), ("meta.xml", metaPart)])
        }
    }

    private func renderBody(_ data: Value) -> [UInt8] {
        var renderer = Renderer(data: data, capacity: 16_384)
        renderer.run(body)
        return renderer.output
    }
}
