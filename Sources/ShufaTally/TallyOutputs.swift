import Foundation
import ShufaKit

/// Writes the tally's results under the output folder, each file atomically, the same bytes for the same
/// input: the 考核结果汇总表 (.xlsx, .ods), the printable 考核结果汇总 (.fodt), every leader's 考核评议表
/// with the results (`form/…-考核评议表.fodt`) and `tally.json`.
struct TallyOutputs {
    let rules: TallyRules
    let templates: TallyTemplates
    let output: URL

    static let tableStem = "考核结果汇总表", summaryStem = "考核结果汇总", reportFile = "tally.json"

    func write(_ result: TallyResult) throws(TallyError) -> [BuildSummary.Document] {
        let documents = TallyDocuments(rules: rules, result: result)
        let unit = result.organization
        var written: [BuildSummary.Document] = []
        let model = ResultWorkbook(rules: rules, result: result).model()
        let xlsx: [UInt8]
        do { xlsx = try XLSXWorkbookWriter().bytes(model) } catch {
            throw .write(path: "\(Self.tableStem).xlsx", reason: "\(error)")
        }
        written.append(try write(xlsx, "\(Self.tableStem).xlsx", kind: .tally, leader: nil, unit: unit))
        written.append(
            try write(ODSWorkbookWriter().bytes(model), "\(Self.tableStem).ods", kind: .tally, leader: nil, unit: unit))
        written.append(
            try write(
                summary(documents, result: result), "\(Self.summaryStem).fodt", kind: .tally, leader: nil, unit: unit))
        let stems = OutputFiles.uniqueNames(result.leaders.map { "\($0.leader.id)-\($0.leader.name)" })
        for (leader, stem) in zip(result.leaders, stems) {
            let meta = DocumentMeta(
                title: "\(result.year.map(String.init) ?? "")年度考核评议表（\(leader.leader.name)）",
                properties: [
                    (MetaProperty.kind, DocumentKind.form.rawValue), (MetaProperty.id, leader.leader.id),
                    (MetaProperty.name, leader.leader.name),
                    (MetaProperty.unit, leader.leader.unit), (MetaProperty.role, leader.leader.role),
                ])
            let bytes = templates.form.render(documents.form(leader), meta: meta, format: .fodt)
            written.append(
                try write(
                    bytes, "form/\(stem)-\(DocumentKind.form.chineseName).fodt", kind: .form,
                    leader: leader.leader.id, unit: leader.leader.unit))
        }
        return written
    }

    /// The summary with its charts drawn in place of their stand-ins.
    private func summary(_ documents: TallyDocuments, result: TallyResult) -> [UInt8] {
        let meta = DocumentMeta(
            title: "\(result.organization)\(result.year.map { "\($0)年度" } ?? "")述法考核结果汇总",
            properties: [(MetaProperty.kind, DocumentKind.tally.rawValue)])
        var text = String(
            decoding: templates.summary.render(documents.summary(), meta: meta, format: .fodt), as: UTF8.self)
        text = text.replacingOccurrences(of: TallyDocuments.seriesChartToken, with: documents.seriesChart().frames())
        text = text.replacingOccurrences(of: TallyDocuments.unitChartToken, with: documents.unitChart().frames())
        return Array(text.utf8)
    }

    private func write(
        _ bytes: [UInt8], _ path: String, kind: DocumentKind, leader: String?,
        unit: String
    ) throws(TallyError) -> BuildSummary.Document {
        do { try OutputFiles.writeAtomically(bytes, to: output.appendingPathComponent(path)) } catch {
            throw .write(path: output.appendingPathComponent(path).path, reason: error.description)
        }
        return BuildSummary.Document(leader: leader, unit: unit, kind: kind, path: path, sha256: Digest.hex(bytes))
    }

    /// `tally.json`: the report, as `--json` prints it.
    static func writeJSON(_ report: TallyReport, to output: URL) throws(TallyError) {
        let url = output.appendingPathComponent(reportFile)
        let bytes: [UInt8]
        do { bytes = Array(try json(report).utf8) + [0x0A] } catch {
            preconditionFailure("the report is always encodable: \(error)")
        }
        do { try OutputFiles.writeAtomically(bytes, to: url) } catch {
            throw .write(path: url.path, reason: error.description)
        }
    }

    /// Stable JSON: sorted keys, pretty, slashes as they are.
    static func json(_ report: TallyReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}
