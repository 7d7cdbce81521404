import Foundation
import ShufaChecks
import ShufaRoster
import ShufaSystem

/// The journal of a batch, `journal.jsonl`: one JSON object a line, `{"document":{…}}` for each document
/// written (kind, leader, unit, path, SHA-256), `{"check":{…}}` for each document the checks found something
/// in (as `shufa check --json` gives it), `{"problem":{…}}` for each problem; in roster order, the same for
/// the same inputs. Written while the batch runs and committed (flushed, renamed) before `summary.json`.
struct BuildJournal {
    static let name = "journal.jsonl"
    let file: StreamedFile
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    func record(_ document: BuildSummary.Document) { file.append(line: Self.line(document)) }
    func record(_ problem: RosterProblem) { append(["problem": problem]) }

    /// Appends lines made by `line(_:)` (on the batch's worker threads).
    func record(lines: [[UInt8]]) { for line in lines { file.append(line: line) } }

    private func append<T: Encodable>(_ line: [String: T]) {
        guard let bytes = try? encoder.encode(line) else { return }
        file.append(line: Array(bytes))
    }

    /// The journal line of a document written.
    static func line(_ document: BuildSummary.Document) -> [UInt8] { encoded(["document": document]) }

    /// The journal lines of a document written and of its checks (those that found something).
    static func lines(_ document: BuildSummary.Document, _ check: CheckedDocument?) -> [[UInt8]] {
        guard let check, !check.findings.isEmpty else { return [line(document)] }
        return [line(document), encoded(["check": check])]
    }

    private static func encoded<T: Encodable>(_ line: [String: T]) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(line)).map(Array.init) ?? []
    }

    /// One line of the journal as read back.
    private struct Line: Decodable {
        var document: BuildSummary.Document?
        var check: CheckedDocument?
    }

    /// The documents and checks of a journal (what cannot be read is left out).
    static func read(_ url: URL) -> (documents: [BuildSummary.Document], checks: [CheckedDocument]) {
        guard let data = try? RegularFile.read(url, limit: BuildListing.limit) else { return ([], []) }
        return read(data)
    }

    static func read(_ data: Data) -> (documents: [BuildSummary.Document], checks: [CheckedDocument]) {
        var documents: [BuildSummary.Document] = [], checks: [CheckedDocument] = []
        let decoder = JSONDecoder()
        for line in data.split(separator: 0x0A) {
            guard let entry = try? decoder.decode(Line.self, from: line) else { continue }
            if let document = entry.document { documents.append(document) }
            if let check = entry.check { checks.append(check) }
        }
        return (documents, checks)
    }
}
