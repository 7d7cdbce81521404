import Foundation
import ShufaSystem

/// The document-level objects of a source PDF that a file cut from it keeps: the catalog (only the
/// entries below: no named destinations, structure tree or open action, which point to pages that may be
/// left out), the document information and the XMP metadata — the last two carry the title.
struct DocumentLevel: Sendable {
    static let catalogKeys: Set<String> = [
        "/Type", "/Pages", "/Lang", "/ViewerPreferences", "/OutputIntents", "/Metadata",
    ]

    var maxObject: Int
    /// The catalog's reference ("N 0 R") and the entries kept (JSON).
    var catalog: String
    var catalogEntries: Data
    /// The document information dictionary's reference and entries (JSON).
    var info: (reference: String, entries: Data)?
    /// The XMP metadata stream's reference and data (nil when it is compressed: shufa leaves it as it is).
    var metadata: (reference: String, xmp: [UInt8]?)?

    /// qpdf JSON for `--update-from-json`: the catalog cleaned and, when `title` is given, the title set in
    /// the document information and XMP metadata (both, or neither when the XMP is compressed or has no
    /// title to replace, so the two never differ).
    func update(title: String?) -> Data {
        var objects: [String: Any] = ["obj:" + catalog: ["value": Self.decode(catalogEntries)]]
        guard let title, let info else { return Self.document(maxObject: maxObject, objects: objects) }
        var xmp: [UInt8]?
        if let metadata {
            guard let replaced = metadata.xmp.flatMap({ XMPTitle.replace(in: $0, with: title) }) else {
                return Self.document(maxObject: maxObject, objects: objects)
            }
            xmp = replaced
        }
        var entries = Self.decode(info.entries)
        entries["/Title"] = "u:" + title
        objects["obj:" + info.reference] = ["value": entries]
        if let metadata, let xmp {
            objects["obj:" + metadata.reference] = [
                "stream": [
                    "dict": ["/Type": "/Metadata", "/Subtype": "/XML"], "data": Data(xmp).base64EncodedString(),
                ]
            ]
        }
        return Self.document(maxObject: maxObject, objects: objects)
    }

    /// A qpdf JSON (version 2) document holding `objects`.
    static func document(maxObject: Int, objects: [String: Any]) -> Data {
        let header: [String: Any] = ["jsonversion": 2, "pdfversion": "1.4", "pushedinheritedpageresources": false,
                                     "calledgetallpages": false, "maxobjectid": maxObject]
        return QPDF.encode(["qpdf": [header, objects]])
    }

    private static func decode(_ data: Data) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }
}
