import Foundation
import ShufaODF
import ShufaXML

/// Validates ODF documents against the OASIS ODF 1.3 RELAX NG schemas, parsed once and reused.
public final class ODFValidator: Sendable {
    private let schemas: SchemaLoad
    private let provedParts = ProvedParts()
    /// The folder the schemas are read from.
    public let schemaDirectory: URL

    /// One finding of schema validation.
    public struct Issue: Sendable, Equatable, CustomStringConvertible {
        public var part: String
        public var line: Int
        public var message: String
        /// True for elements or attributes of a vendor's namespace (e.g. LibreOffice's `loext:`).
        public var isVendorExtension: Bool
        public var description: String { "\(part):\(line): \(message)" }
    }

    /// The schema files, in `directory`: the ODF 1.3 schema and its manifest schema.
    static let schemaFiles = ["OpenDocument-v1.3-schema.rng", "OpenDocument-v1.3-manifest-schema.rng"]

    /// Loads `OpenDocument-v1.3-schema.rng` and the manifest schema from `directory`.
    public init(schemaDirectory directory: URL) throws(RelaxNGSchema.LoadError) {
        schemaDirectory = directory
        schemas = SchemaLoad(directory)
        _ = try schemas.get().get()
    }

    /// A validator whose schemas are parsed when the first document is validated, not before: a build whose
    /// proofs are all known (`ProofCache`) never parses them (a tenth of a second for the ODF schema). The files
    /// must be readable now; a schema that then fails to parse makes every validation report it.
    public init(deferredSchemaDirectory directory: URL) throws(RelaxNGSchema.LoadError) {
        for file in Self.schemaFiles {
            let path = directory.appendingPathComponent(file).path
            guard FileManager.default.isReadableFile(atPath: path) else {
                let issue = XMLIssue(source: path, line: 0, message: XMLMessages.unreadable)
                throw RelaxNGSchema.LoadError(path: path, issues: [issue])
            }
        }
        schemaDirectory = directory
        schemas = SchemaLoad(directory)
    }

    /// Starts parsing the schemas on another thread, so the parse overlaps what the caller does before it
    /// validates (a validation waits for it).
    public func loadInBackground() {
        let schemas = self.schemas
        Thread.detachNewThread { _ = schemas.get() }
    }

    /// Waits for the schemas to be parsed (parsing them now if no one has started); throws when they cannot be.
    public func load() throws(RelaxNGSchema.LoadError) { _ = try schemas.get().get() }

    /// True once the schemas were parsed (at once, or for a deferred validator when a document needed them).
    public var hasParsedSchemas: Bool { schemas.isLoaded }

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
            let schema: RelaxNGSchema
            switch schemas.get() {
            case .success(let loaded): schema = name == "META-INF/manifest.xml" ? loaded.manifest : loaded.document
            case .failure(let error):
                issues.append(Issue(part: name, line: 0, message: error.description, isVendorExtension: false))
                continue
            }
            let found = name == "META-INF/manifest.xml" ? schema.validate(parsed)
                : provedParts.validate(parsed, bytes: bytes, with: schema)
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
