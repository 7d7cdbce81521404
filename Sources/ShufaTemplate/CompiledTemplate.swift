import ShufaODF

/// A template read and checked once, then filled for any number of documents.
public struct CompiledTemplate: Sendable {
    /// The template's file name, for messages.
    public let file: String
    private let flatHead: [UInt8]
    private let flatMiddle: [UInt8]
    private let body: [Op]
    private let package: ODFPackageBuilder
    private let sizeHint: Int
    /// True when the read marks of the body describe how a reader sees it (see `TreeWriter`), so that a
    /// document's reading can be made from its data as it is rendered.
    let readable: Bool
    /// The fields the template's data has (for the probes of `SchemaProof`).
    package let fields: RecordSchema
    /// The names the template reads (a lookup's first name): the data it is filled with needs no other field.
    package let names: Set<String>
    /// Names the template in a batch (its kind and file), for the proofs of `SchemaProof`.
    package var key: String
    /// What the template is made from: the SHA-256 of its source bytes and its fields, for proofs kept between
    /// batches (`ProofCache`).
    package var identity: [UInt8] = []

    private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    init(file: String, parts: TemplateParts, body: [Op], readable: Bool, fields: RecordSchema) {
        self.file = file
        self.body = body
        names = Op.names(body)
        self.readable = readable
        self.fields = fields
        key = file
        let ns = parts.namespaceDeclarations
        let mimetype = ODFPackageBuilder.textMediaType
        flatHead = Array(
            (Self.declaration + "<office:document\(ns) office:version=\"1.3\" office:mimetype=\"\(mimetype)\">").utf8)
        flatMiddle = parts.fontFaces + parts.styles + parts.automaticStyles + parts.masterStyles
        let contentHead = Array((Self.declaration + "<office:document-content\(ns) office:version=\"1.3\">").utf8)
            + parts.fontFaces + parts.automaticStyles
        let metaHead = Array((Self.declaration + "<office:document-meta\(ns) office:version=\"1.3\">").utf8)
        let styles = Array((Self.declaration + "<office:document-styles\(ns) office:version=\"1.3\">").utf8)
            + parts.fontFaces + parts.styles + parts.automaticStyles + parts.masterStyles
            + Array("</office:document-styles>\n".utf8)
        package = ODFPackageBuilder(
            staticParts: [("styles.xml", styles)], dynamicParts: [("content.xml", contentHead), ("meta.xml", metaHead)],
            level: 1)
        sizeHint = flatHead.count + flatMiddle.count + 16_384
    }

    /// The document for `data`, in `format`, with `meta` as its metadata.
    public func render(_ data: Value, meta: DocumentMeta, format: OutputFormat) -> [UInt8] {
        rendering(data, meta: meta, format: format, recorder: nil).bytes
    }

    /// A document rendered, with its shape and (when asked for with a recorder) its reading.
    package struct Rendering {
        package var bytes: [UInt8]
        /// See `DocumentShape`.
        package var shape: [UInt8]
        /// What met the read marks while the document was rendered; nil unless asked for.
        package var reading: (any ReadingRecorder)?

        package init(bytes: [UInt8], shape: [UInt8], reading: (any ReadingRecorder)? = nil) {
            (self.bytes, self.shape, self.reading) = (bytes, shape, reading)
        }
    }

    /// Renders a document; with `recorder` (and a `readable` template), also makes its reading: `recorder` is
    /// given the lines of the document before its body (Flat XML; 0 for a package) and makes the recorder that
    /// meets the read marks.
    package func rendering(_ data: Value, meta: DocumentMeta, format: OutputFormat,
                           recorder: ((_ linesBefore: Int) -> any ReadingRecorder)?) -> Rendering {
        let metaXML = meta.xml()
        var reading: (any ReadingRecorder)?
        if let recorder, readable {
            reading = recorder(format == .fodt ? (flatHead + metaXML + flatMiddle).lazy.filter { $0 == 0x0A }.count : 0)
        }
        var renderer = Renderer(data: data, capacity: 16_384, reading: reading)
        renderer.run(body)
        switch format {
        case .fodt:
            var out = flatHead
            out.reserveCapacity(sizeHint)
            out += metaXML
            out += flatMiddle
            out += renderer.output
            out += Array("</office:document>\n".utf8)
            return Rendering(bytes: out, shape: renderer.shape, reading: reading)
        case .odt:
            let content = renderer.output + Array("</office:document-content>\n".utf8)
            let metaPart = metaXML + Array("</office:document-meta>\n".utf8)
            let bytes = package.package([("content.xml", content), ("meta.xml", metaPart)])
            return Rendering(bytes: bytes, shape: renderer.shape, reading: reading)
        }
    }
}
