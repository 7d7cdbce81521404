import Foundation
import ShufaODF
import ShufaSystem
import ShufaTemplate

/// Schema validity (rule `schema`) of the documents `shufa build` writes, proved once per batch for what a
/// template fixes instead of validated again for every document.
///
/// A written document is its template's fixed XML with, at each value marker, the value's text escaped (`&`,
/// `<`, `>`; characters XML forbids left out; line breaks, tabs and runs of spaces as `text:line-break`,
/// `text:tab`, `text:s`), and each section left out, shown once or repeated. Whether it is valid therefore
/// depends only on
/// 1. whether each value's place accepts text: in the ODF schema a paragraph or span takes any text and those
///    three elements anywhere, an element of data type (a date, a number) does not. At the start of the batch
///    every template is rendered with probe data — every text a probe holding all of the above, lists of one
///    item and of two; then every text and list empty — and each probe is validated in full. A template whose
///    probes are not all valid is not proved, and every document made from it is validated in full;
/// 2. its shape (`DocumentShape`): which sections are left out, shown, or repeated, and how the items of a list
///    differ. A section left out can remove a required element, a repeated one can repeat an element allowed
///    once, so no shape is taken on trust: the first document of each shape (per template and format) is
///    validated in full, and only when it is valid are later documents of that shape taken as valid. Documents of
///    one shape differ in their value texts (covered by 1) and in how often an item of the same shape repeats:
///    the ODF schema's repetitions are `optional`, `zeroOrMore` and `oneOrMore`, never a count above one, so a
///    body valid twice in a row is valid any number of times.
/// `SampleBuildTests` still validates every sample document in full, and `BuildCheckTests` holds the findings
/// of this shortcut equal to those of the full checker.
package final class SchemaProof: @unchecked Sendable {
    private let checker: ReportChecker
    private let lock = NSLock()
    private var provedTemplates: Set<String> = []
    private var provedShapes: Set<[UInt8]> = []

    /// Proves the probes of every template in every format (in parallel).
    init(checker: ReportChecker, templates: [CompiledTemplate], formats: [OutputFormat]) {
        self.checker = checker
        let cases = templates.flatMap { template in formats.map { (template, $0) } }
        let results = ParallelMap.run(cases) { template, format in
            Self.probes(template.fields).allSatisfy { data in
                let bytes = template.render(data, meta: Self.probeMeta, format: format)
                guard let parts = try? ODFParts.read(Data(bytes), file: template.file) else { return false }
                return checker.schemaFindings(parts, strict: true).isEmpty
            }
        }
        for ((template, format), result) in zip(cases, results) where (try? result.get()) == true {
            provedTemplates.insert(Self.key(template, format))
        }
    }

    /// True when every probe of `template` in `format` was valid.
    func isProved(_ template: CompiledTemplate, _ format: OutputFormat) -> Bool {
        lock.withLock { provedTemplates.contains(Self.key(template, format)) }
    }

    /// The schema findings of a rendered document: none when its shape is proved; otherwise those of a full
    /// validation of `parsed` (the shape is proved when the document is valid and its template's probes were).
    func findings(_ rendering: CompiledTemplate.Rendering, template: CompiledTemplate, format: OutputFormat,
                  parsed: () -> ParsedODF?) -> [Finding]? {
        let key = Array(Self.key(template, format).utf8) + [0] + rendering.shape
        let (templateProved, shapeProved) = lock.withLock {
            (provedTemplates.contains(Self.key(template, format)), provedShapes.contains(key))
        }
        if shapeProved { return [] }
        guard let parsed = parsed() else { return nil }
        let findings = checker.schemaFindings(parsed, strict: true)
        if findings.isEmpty && templateProved { _ = lock.withLock { provedShapes.insert(key) } }
        return findings
    }

    private static func key(_ template: CompiledTemplate, _ format: OutputFormat) -> String {
        "\(template.key).\(format.rawValue)"
    }

    /// Text with everything escaping and line breaks turn into markup: `&`, `<`, `>`, quotes, a line break,
    /// CR LF, a tab, runs of spaces, leading and trailing spaces, CJK text and digits.
    static let probeText = " 探针 <&>\"' 1\n2\r\n3\t4  5   6 "

    static let probeMeta = DocumentMeta(title: probeText, properties: [("probe", probeText)])

    /// The probe data of a template's fields: every text the probe with lists of two items and of one, then
    /// every text and list empty.
    static func probes(_ fields: RecordSchema) -> [Value] {
        [
            data(fields, items: 2, text: probeText), data(fields, items: 1, text: probeText),
            data(fields, items: 0, text: ""),
        ]
    }

    private static func data(_ schema: RecordSchema, items: Int, text: String) -> Value {
        .record(schema.fields.mapValues { type in
            switch type {
            case .text: return .text(text)
            case .texts: return .list(Array(repeating: .text(text), count: items))
                case .records(let inner):
                    return .list(Array(repeating: data(inner, items: items, text: text), count: items))
            }
        })
    }
}
