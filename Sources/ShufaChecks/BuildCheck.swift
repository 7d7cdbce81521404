import Foundation
import ShufaCatalog
import ShufaODF
import ShufaRoster
import ShufaTemplate
import ShufaXML

/// The checks `shufa build` runs on every document it writes, without reading the written file back: the
/// schema by `SchemaProof`, and for a final report every other rule on the reading made from its data while
/// it was rendered (`ReadingBuilder`), through the same `ReportChecker` as `shufa check`; the roster's
/// minimums for reports and drafts from the leader's data. A template whose reading the marks do not follow
/// has its reports read back from their XML.
package struct BuildCheck: Sendable {
    let checker: ReportChecker
    let proof: SchemaProof
    /// Reads paragraphs for the readings made from data (prompts by the checker's prompt texts).
    var reader: ParagraphReader { ParagraphReader(styles: PromptStyles([]), prompts: checker.prompts) }

    package init(catalog: Catalog, validator: ODFValidator, templates: [CompiledTemplate], formats: [OutputFormat]) {
        checker = ReportChecker(catalog: catalog, validator: validator)
        proof = SchemaProof(checker: checker, templates: templates, formats: formats)
    }

    /// Renders a document of `kind` and checks it.
    package func render(_ template: CompiledTemplate, data: Value, meta: DocumentMeta, format: OutputFormat,
                kind: DocumentKind) -> CompiledTemplate.Rendering {
        template.rendering(data, meta: meta, format: format, reader: kind == .report ? reader : nil)
    }

    /// The findings of a rendered document.
    package func check(_ rendering: CompiledTemplate.Rendering, template: CompiledTemplate, format: OutputFormat,
               kind: DocumentKind, leader: Leader?, role: Role?, path: String) -> CheckedDocument {
        let written = WrittenParse(bytes: rendering.bytes, path: path)
        guard let schema = proof.findings(rendering, template: template, format: format, parsed: written.parsed) else {
            return CheckedDocument(path: path, role: role?.name, findings: [Self.unreadable(written.failure ?? "")])
        }
        let minimums = [DocumentKind.report, .draft].contains(kind) ? leader.flatMap { leader in
            role.map { MinimumCheck.findings(leader, role: $0) }
        } ?? [] : []
        guard kind == .report else { return CheckedDocument(path: path, role: role?.name, findings: schema + minimums) }
        let document: ReportDocument
        if let reading = rendering.document {
            document = reading
        } else {
            do {
                guard let parsed = written.parsed() else { throw XMLParseError.malformed([]) }
                document = try ReportDocument(parsed, prompts: checker.prompts)
            } catch {
                return CheckedDocument(path: path, role: role?.name, findings: [Self.unreadable("\(error)")])
            }
        }
        var checked = checker.check(document, schema: schema, path: path)
        checked.findings += minimums
        return checked
    }

    /// The finding for a document written but not readable back: it is not left unchecked silently.
    static func unreadable(_ reason: String) -> Finding {
        Finding(rule: .schema, severity: .error, message: CheckMessages.unreadableWritten(reason), location: "整个文档")
    }
}

/// The written bytes of a document, read back only when a check needs them, at most once.
private final class WrittenParse {
    let bytes: [UInt8]
    let path: String
    private var result: ParsedODF?
    private(set) var failure: String?

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    func parsed() -> ParsedODF? {
        if result == nil && failure == nil {
            do { result = ParsedODF(try ODFParts.read(Data(bytes), file: path)) } catch { failure = error.message }
        }
        return result
    }
}
