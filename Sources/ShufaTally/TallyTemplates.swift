import Foundation
import ShufaKit

/// The tally's two templates, compiled once: the printable summary and the 考核评议表 with results.
struct TallyTemplates: Sendable {
    let summary: CompiledTemplate
    let form: CompiledTemplate

    init(rules: TallyRules, directory: URL) throws(TallyError) {
        summary = try Self.compile(rules.summaryTemplate, in: directory, fields: TallyDocuments.summaryFields)
        form = try Self.compile(rules.formTemplate, in: directory, fields: TallyDocuments.formFields)
    }

    private static func compile(
        _ file: String, in directory: URL, fields: RecordSchema
    ) throws(TallyError) -> CompiledTemplate {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent(file)) else {
            throw .templateMissing(file: file, folder: directory.lastPathComponent)
        }
        do { return try TemplateCompiler.compile(Array(data), file: file, fields: fields) } catch {
            throw .template(error.errors.map { "\($0)" }.joined(separator: "\n"))
        }
    }
}
