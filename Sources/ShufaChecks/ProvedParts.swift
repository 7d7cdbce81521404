import Crypto
import Foundation
import ShufaXML

/// The style parts of documents that a batch checks again and again, validated against the schema once.
///
/// Most of the time a RELAX NG validation of a report goes into its font declarations, styles, automatic styles
/// and master pages (four fifths for shufa's reports), which documents made from one template share byte for
/// byte. The root of an ODF document (`office:document`, `office:document-styles`, `office:document-content`)
/// takes each of those elements at most once, each matched by its own element pattern, whatever else the document
/// holds. So once such an element, with the same namespace declarations of the root, was part of a valid
/// document, it matches its pattern in any other document of the same root; there it is validated as an empty
/// copy of itself (same name and attributes), and the document is valid when that one is. Should the document
/// with the empty copies not be valid, it is validated again whole, so every error message is the full
/// validation's. The one thing that reaches across elements, ID and IDREF (`xml:id`), is left out: a document
/// whose part holds the text `xml:id` anywhere is always validated whole, and none is remembered from it.
final class ProvedParts: @unchecked Sendable {
    /// The children of the root whose validity is remembered.
    static let remembered: Set<String> = ["font-face-decls", "styles", "automatic-styles", "master-styles"]
    static let roots: Set<String> = ["document", "document-styles", "document-content"]
    /// The most elements remembered (each is a SHA-256 digest).
    static let maximum = 4_096

    private let lock = NSLock()
    private var proved: Set<[UInt8]> = []

    /// The issues of validating `document` (whose bytes are `bytes`) against `schema`: the same as validating it
    /// whole.
    func validate(_ document: XMLDocument, bytes: [UInt8], with schema: RelaxNGSchema) -> [XMLIssue] {
        guard let root = document.root, root.namespace == Namespace.office, Self.roots.contains(root.name),
              !bytes.includes(Array("xml:id".utf8))
        else { return schema.validate(document) }
        let context = Self.context(root)
        let parts = root.elements.filter { $0.namespace == Namespace.office && Self.remembered.contains($0.name) }
            .map { (element: $0, digest: Self.digest($0, context: context)) }
        let known = lock.withLock { parts.filter { proved.contains($0.digest) } }
        let issues = known.isEmpty ? schema.validate(document)
            : XMLNode.withEmptied(known.map(\.element)) { schema.validate(document) }
        guard issues.isEmpty else { return known.isEmpty ? issues : schema.validate(document) }
        lock.withLock {
            for part in parts where proved.count < Self.maximum { proved.insert(part.digest) }
        }
        return []
    }

    /// What the meaning of the root's children depends on besides themselves: the root's name and namespace
    /// declarations.
    private static func context(_ root: XMLNode) -> [UInt8] {
        var bytes = Array("\(root.namespace ?? "")\u{0}\(root.name)\u{0}".utf8)
        for (prefix, uri) in root.namespaceDeclarations { bytes += Array("\(prefix ?? "")\u{0}\(uri)\u{0}".utf8) }
        return bytes
    }

    private static func digest(_ element: XMLNode, context: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: context)
        hasher.update(data: Array("\(element.name)\u{0}".utf8))
        hasher.update(data: element.serializedSubtree())
        return Array(hasher.finalize())
    }
}
