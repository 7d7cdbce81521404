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

    /// The journal line of a document written: the bytes `encoded(["document": document])` gives (sorted
    /// keys, slashes as they are), made directly — one line for each of up to 100,000 documents.
    static func line(_ document: BuildSummary.Document) -> [UInt8] {
        var line = Array(#"{"document":{"kind":"#.utf8)
        line.reserveCapacity(64 + document.unit.utf8.count + document.path.utf8.count + 96)
        appendString(document.kind.rawValue, to: &line)
        line += Array(#","leader":"#.utf8)
        if let leader = document.leader { appendString(leader, to: &line) } else { line += Array("null".utf8) }
        line += Array(#","path":"#.utf8)
        appendString(document.path, to: &line)
        line += Array(#","sha256":"#.utf8)
        appendString(document.sha256, to: &line)
        line += Array(#","unit":"#.utf8)
        appendString(document.unit, to: &line)
        line += Array("}}".utf8)
        return line
    }

    /// `text` as a JSON string, escaped as `JSONEncoder` escapes it: quote and backslash, the C0 controls (short
    /// forms for backspace, tab, newline, form feed and carriage return, `\u00XX` for the others).
    private static func appendString(_ text: String, to line: inout [UInt8]) {
        line.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): line += [0x5C, 0x22]
            case 0x5C: line += [0x5C, 0x5C]
            case 0x08: line += [0x5C, UInt8(ascii: "b")]
            case 0x09: line += [0x5C, UInt8(ascii: "t")]
            case 0x0A: line += [0x5C, UInt8(ascii: "n")]
            case 0x0C: line += [0x5C, UInt8(ascii: "f")]
            case 0x0D: line += [0x5C, UInt8(ascii: "r")]
            case 0..<0x20: line += Array(String(format: "\\u%04x", byte).utf8)
            default: line.append(byte)
            }
        }
        line.append(UInt8(ascii: "\""))
    }

    /// The journal lines of a document written and of its checks (those that found something).
    static func lines(_ document: BuildSummary.Document, _ check: CheckedDocument?) -> [[UInt8]] {
        guard let check, !check.findings.isEmpty else { return [line(document)] }
        return [line(document), encoded(["check": check])]
    }

    static func encoded<T: Encodable>(_ line: [String: T]) -> [UInt8] {
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
