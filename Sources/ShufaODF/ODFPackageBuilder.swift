/// Builds ODF packages (.odt): `mimetype` first and stored, then the manifest and the parts.
/// Parts that are the same for every document of a batch are compressed once, in `init`.
public struct ODFPackageBuilder: Sendable {
    /// The media type of an ODF text document.
    public static let textMediaType = "application/vnd.oasis.opendocument.text"

    private let fixedEntries: [ZipEntry]
    private let heads: [String: DeflatedHead]
    private let level: Int32

    /// - Parameters:
    ///   - staticParts: parts that every package of the batch shares (e.g. `styles.xml`), by path.
    ///   - dynamicParts: the paths of the parts given to `package(_:)` for each document, each with the bytes
    ///     every document's part begins with (compressed once; empty when none).
    ///   - level: deflate level for the per-document parts.
    public init(mediaType: String = textMediaType, staticParts: [(path: String, bytes: [UInt8])],
                dynamicParts: [(path: String, head: [UInt8])], level: Int32 = 6) {
        let manifest = Self.manifest(mediaType: mediaType, parts: staticParts.map(\.path) + dynamicParts.map(\.path))
        fixedEntries = [ZipEntry.stored("mimetype", Array(mediaType.utf8)),
                        ZipEntry.deflated("META-INF/manifest.xml", Array(manifest.utf8), level: 9)]
            + staticParts.map { ZipEntry.deflated($0.path, $0.bytes, level: 9) }
        heads = Dictionary(uniqueKeysWithValues: dynamicParts.map { ($0.path, DeflatedHead($0.head)) })
        self.level = level
    }

    /// A complete package: the shared entries followed by this document's own parts, each given by what follows
    /// its head.
    public func package(_ parts: [(path: String, rest: [UInt8])]) -> [UInt8] {
        ZipWriter.archive(fixedEntries + parts.map {
            ZipEntry.deflated($0.path, head: heads[$0.path] ?? DeflatedHead([]), rest: $0.rest, level: level)
        })
    }

    static func manifest(mediaType: String, parts: [String]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" \
            manifest:version="1.3">
             <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="\(mediaType)"/>

            """
        for part in parts {
            let path = XMLEscaping.escaped(part, quote: true)
            xml += " <manifest:file-entry manifest:full-path=\"\(path)\" manifest:media-type=\"text/xml\"/>\n"
        }
        return xml + "</manifest:manifest>\n"
    }
}
