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

    func record(_ document: BuildSummary.Document) { append(["document": document]) }
    func record(_ check: CheckedDocument) { append(["check": check]) }
    func record(_ problem: RosterProblem) { append(["problem": problem]) }

    private func append<T: Encodable>(_ line: [String: T]) {
        guard let bytes = try? encoder.encode(line) else { return }
        file.append(line: Array(bytes))
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
