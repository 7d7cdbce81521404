import Crypto
import Foundation
import ShufaODF
import ShufaRoster
import ShufaSystem

/// The Word copies (.docx) of a built batch, made once its ODF documents are written: each document (its
/// .fodt when both formats were written) is read back from the output folder, checked against its SHA-256,
/// copied into a private folder, converted there by the LibreOffice pool, finished (`WordFinisher`) and
/// written beside it as `<kind>/<name>.docx`. A document LibreOffice cannot convert is named in the
/// problems; every other one is written.
package struct WordCopies {
    let options: WordOptions

    package init(options: WordOptions) { self.options = options }

    /// What the step wrote and what went wrong, to be merged into the batch's summary.
    package struct Outcome: Sendable {
        /// The .docx written, each with the ODF document it was made from.
        package var copies: [(source: String, document: BuildSummary.Document)] = []
        /// The ODF documents removed once their .docx was written (`keepSources` off).
        var removed: Set<String> = []
        var problems: [RosterProblem] = []
        /// Leaders with a document that got no .docx.
        var failedLeaders: Set<String> = []
        /// Documents of no leader (a unit's ballot) that got no .docx.
        var failedOthers = 0
        /// A fault that stops every write (a full disk), met while writing the .docx.
        var fault: OutputError?

        /// Puts the .docx into what a piece of the batch wrote: each right after the document it was made
        /// from, or in its place when that was removed (with its check, which then names the .docx).
        func apply(to written: [BatchBuilder.Written]) -> [BatchBuilder.Written] {
            let copies = Dictionary(grouping: self.copies, by: \.source).mapValues { $0.map(\.document) }
            return written.flatMap { document, check -> [BatchBuilder.Written] in
                let made = copies[document.path] ?? []
                guard removed.contains(document.path) else { return [(document, check)] + made.map { ($0, nil) } }
                var moved = check
                moved?.path = made.first?.path ?? document.path
                return made.enumerated().map { index, copy in (copy, index == 0 ? moved : nil) }
            }
        }
    }

    /// Makes the .docx of `documents` (those written by the batch) in `folder`.
    package func make(from documents: [BuildSummary.Document], roster: Roster, in folder: OutputFolder) -> Outcome {
        let sources = Self.sources(documents)
        guard !sources.isEmpty else { return Outcome() }
        var outcome = Outcome()
        let workspace: PrivateFolder
        do { workspace = try PrivateFolder(prefix: "shufa-docx") } catch {
            for source in sources { fail(source, .workspace(error), roster: roster, into: &outcome) }
            return outcome
        }
        defer { workspace.remove() }
        let inputs = sources.enumerated().map { index, source in
            Result { () throws(WordError) -> URL in try copy(source, index: index, from: folder, to: workspace.url) }
        }
        let ready = inputs.indices.filter { if case .success = inputs[$0] { true } else { false } }
        let converted = WordConverter(options: options).convert(
            inputs.compactMap { try? $0.get() },
            into: workspace.url.appendingPathComponent("docx"))
        var results = inputs.map { $0.map { _ in [UInt8]() } }
        for (index, result) in zip(ready, converted) {
            results[index] = result.flatMap { url in Result { () throws(WordError) in try Self.finish(url) } }
        }
        for (source, result) in zip(sources, results) {
            guard outcome.fault == nil else { break }
            switch result {
            case .success(let bytes): write(bytes, for: source, roster: roster, into: folder, outcome: &outcome)
            case .failure(let error): fail(source, error, roster: roster, into: &outcome)
            }
        }
        return outcome
    }

    /// One document of each name: the .fodt when the batch wrote both formats.
    static func sources(_ documents: [BuildSummary.Document]) -> [BuildSummary.Document] {
        var chosen: [String: BuildSummary.Document] = [:]
        var order: [String] = []
        for document in documents {
            let (stem, ext) = split(document.path)
            guard ext == "fodt" || ext == "odt" else { continue }
            if chosen[stem] == nil { order.append(stem) }
            if chosen[stem] == nil || ext == "fodt" { chosen[stem] = document }
        }
        return order.map { chosen[$0]! }
    }

    /// A path without its extension, and the extension.
    static func split(_ path: String) -> (stem: String, ext: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return (path, "") }
        return (String(path[..<dot]), String(path[path.index(after: dot)...]))
    }

    /// Copies a built document into the workspace, as LibreOffice will read it, checked against its SHA-256.
    private func copy(
        _ source: BuildSummary.Document, index: Int, from folder: OutputFolder,
        to workspace: URL
    ) throws(WordError) -> URL {
        let bytes: [UInt8]
        do { bytes = try BuiltDocument.read(source, in: folder.url) } catch { throw .sourceUnreadable(error) }
        let url = workspace.appendingPathComponent(
            "odf/\(String(format: "%05d", index)).\(Self.split(source.path).ext)")
        do { try OutputFiles.writeAtomically(bytes, to: url) } catch { throw .workspace(error) }
        return url
    }

    private static func finish(_ url: URL) throws(WordError) -> [UInt8] {
        let data: Data
        do { data = try RegularFile.read(url, limit: ODFParts.fileLimit) } catch { throw .unreadableOutput(error) }
        return try WordFinisher.finish(data, file: url.lastPathComponent)
    }

    /// Writes the .docx of `source` beside it and lists it; removes `source` when it is not to be kept.
    private func write(
        _ bytes: [UInt8], for source: BuildSummary.Document, roster: Roster, into folder: OutputFolder,
        outcome: inout Outcome
    ) {
        let path = Self.split(source.path).stem + ".docx"
        do { try folder.write(bytes, to: path) } catch {
            guard !error.stopsBatch else {
                outcome.fault = error
                return
            }
            record(source, message: OutputMessages.wordCopyNotWritten(source.kind, error), roster: roster,
                   into: &outcome)
            return
        }
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        let document = BuildSummary.Document(
            leader: source.leader, unit: source.unit, kind: source.kind, path: path,
            sha256: digest)
        outcome.copies.append((source.path, document))
        guard !options.keepSources else { return }
        do {
            try folder.remove(source.path)
            outcome.removed.insert(source.path)
        } catch {
            if error.stopsBatch { outcome.fault = error }
        }
    }

    private func fail(
        _ source: BuildSummary.Document, _ error: WordError, roster: Roster, into outcome: inout Outcome
    ) {
        let kept = options.keepSources ? nil : source.path
        record(source, message: OutputMessages.wordCopyNotMade(source.kind, error, kept: kept), roster: roster,
               into: &outcome)
    }

    private func record(_ source: BuildSummary.Document, message: String, roster: Roster, into outcome: inout Outcome) {
        let leader = source.leader.flatMap { id in roster.leaders.first { $0.id == id } }
        outcome.problems.append(
            RosterProblem(
                severity: .error, location: leader?.location, leader: source.leader,
                field: nil, message: message))
        if let id = source.leader { outcome.failedLeaders.insert(id) } else { outcome.failedOthers += 1 }
    }
}
