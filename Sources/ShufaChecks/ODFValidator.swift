import Foundation
import ShufaODF
import ShufaXML

/// Validates ODF documents against the OASIS ODF 1.3 RELAX NG schemas, parsed once and reused.
public final class ODFValidator: Sendable {
    private let schema: RelaxNGSchema
    private let manifestSchema: RelaxNGSchema

    /// One finding of schema validation.
    public struct Issue: Sendable, Equatable, CustomStringConvertible {
        public var part: String
        public var line: Int
        public var message: String
        /// True for elements or attributes of a vendor's namespace (e.g. LibreOffice's `loext:`).
        public var isVendorExtension: Bool
        public var description: String { "\(part):\(line): \(message)" }
    }

    /// Loads `OpenDocument-v1.3-schema.rng` and the manifest schema from `directory`.
    public init(schemaDirectory directory: URL) throws(RelaxNGSchema.LoadError) {
        schema = try RelaxNGSchema(path: directory.appendingPathComponent("OpenDocument-v1.3-schema.rng").path)
        manifestSchema = try RelaxNGSchema(
            path: directory.appendingPathComponent("OpenDocument-v1.3-manifest-schema.rng").path)
    }

    /// Every schema issue of a document (empty when strictly valid), packaging problems included.
    public func validate(_ document: ODFParts) -> [Issue] { validate(ParsedODF(document)) }

    /// Every schema issue of a document whose parts are parsed (or are parsed here) once.
    func validate(_ parsedParts: ParsedODF) -> [Issue] {
        let document = parsedParts.parts
        var issues = document.packagingIssues.map {
            Issue(part: "package", line: 0, message: $0.description, isVendorExtension: false)
        }
        for (name, bytes) in document.parts {
            if name == "mimetype" {
                if bytes != Array("application/vnd.oasis.opendocument.text".utf8) {
                    let message = CheckMessages.notTextMimetype
                    issues.append(Issue(part: name, line: 0, message: message, isVendorExtension: false))
                }
                continue
            }
            let parsed: XMLDocument
            do { parsed = try parsedParts.document(name)!.get() } catch {
                issues.append(Issue(part: name, line: 0, message: error.description, isVendorExtension: false))
                continue
            }
            let found = (name == "META-INF/manifest.xml" ? manifestSchema : schema).validate(parsed)
            issues += found.map {
                Issue(
                    part: name, line: $0.line, message: $0.message,
                    isVendorExtension: Self.isVendor($0.message, in: parsed))
            }
        }
        return issues
    }

    /// True when the message is about an element or attribute outside the ODF namespaces.
    private static func isVendor(_ message: String, in document: XMLDocument) -> Bool {
        let vendorPrefixes = document.root?.namespaceDeclarations
            .filter { !Namespace.odf.contains($0.uri) }.compactMap(\.prefix) ?? []
        return vendorPrefixes.contains { prefix in
            message.contains(" \(prefix):") || message.contains("\(prefix):") && message.contains("attribute")
        }
    }
}
