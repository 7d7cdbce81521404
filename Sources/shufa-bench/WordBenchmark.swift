import Foundation
import ShufaKit

/// Measures the Word copies of a build (`--format docx`: the pool converting the batch, then finishing each
/// .docx) on a batch of generated reports, against one LibreOffice process converting every file (no
/// finishing) and LibreOffice started once per document (`soffice --convert-to docx FILE`, measured on a
/// small sample and extrapolated), in the same run.
enum WordBenchmark {
    /// The timings, in seconds for the whole batch.
    struct Result: Sendable, CustomStringConvertible {
        var documents: Int
        /// shufa's step: pool conversion, finishing, writing and SHA-256.
        var shufaSeconds: Double
        /// One `soffice` converting every file.
        var oneProcessSeconds: Double
        /// Finishing (`WordFinisher`: content controls, punctuation, metadata, ZIP) the files of that one run.
        var finishSeconds: Double
        /// Documents converted one process each, and seconds per document they took.
        var coldSample: Int
        var coldPerDocument: Double

        var description: String {
            let documents = Double(self.documents)
            return "述职述法报告 → .docx, \(self.documents) documents:\n"
                + String(
                    format: "  shufa --format docx     %7.3f s/doc  (%.2f s for the batch)\n",
                    shufaSeconds / documents, shufaSeconds)
                + String(
                    format: "  one soffice, all files  %7.3f s/doc  (%.2f s)\n",
                    oneProcessSeconds / documents, oneProcessSeconds)
                + String(
                    format: "    finishing them        %7.3f s/doc  (%.2f s)\n", finishSeconds / documents,
                    finishSeconds)
                + String(
                    format: "  one soffice per file    %7.3f s/doc  (%d measured; %.0f s for %d extrapolated)",
                    coldPerDocument, coldSample, coldPerDocument * documents, self.documents)
        }
    }

    /// Builds `batchSize` reports from `roster` (its complete leaders repeated) in a temporary folder and
    /// times the three ways of making their .docx.
    static func run(
        roster: URL, templates: URL, fontConfig: URL?, batchSize: Int = 200, coldSample: Int = 10,
        log: ((String) -> Void)? = nil
    ) throws -> Result {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent(
            "shufa-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: workspace) }
        let catalog = try Catalog.load(from: templates.appendingPathComponent("catalog.yaml"))
        let valid = Set(try RosterReader(catalog: catalog).read(roster).leaders.map(\.id))
        let synthetic = workspace.appendingPathComponent("roster.json")
        try OutputFiles.writeAtomically(
            try PrintBenchmark.syntheticRoster(from: roster, valid: valid, leaders: batchSize), to: synthetic)
        let built = workspace.appendingPathComponent("built")
        log?("building \(batchSize) reports…")
        let request = BuildRequest(roster: synthetic, templates: templates, output: built, kinds: [.report])
        let summary = try BatchBuilder(request).run()
        let leaders = try RosterReader(catalog: catalog).read(synthetic)
        let options = try WordOptions(fontConfig: fontConfig, keepSources: true)
        log?("shufa's Word copies…")
        let folder = try OutputFolder(built)
        var made = 0
        let shufaSeconds = PrintBenchmark.time {
            made = WordCopies(options: options).make(from: summary.documents, roster: leaders, in: folder).copies.count
        }
        guard made == summary.documents.count else { throw WordError.notConverted(timedOut: false) }
        let files = summary.documents.map { built.appendingPathComponent($0.path) }
        log?("one soffice for all \(files.count) files…")
        var converted: [URL] = []
        let oneProcess = try PrintBenchmark.time {
            converted = try options.office.convert(
                files, to: WordConverter.format, into: workspace.appendingPathComponent("one"))
        }
        let finishSeconds = try PrintBenchmark.time {
            for file in converted {
                _ = try WordFinisher.finish(try Data(contentsOf: file), file: file.lastPathComponent)
            }
        }
        log?("one soffice per file, \(coldSample) files…")
        let profile = workspace.appendingPathComponent("profile")
        let cold = workspace.appendingPathComponent("cold")
        _ = try options.office.attempt([files[0]], to: WordConverter.format, into: cold, timeout: 300, profile: profile)
        let sample = Array(files.prefix(coldSample))
        let coldSeconds = try PrintBenchmark.time {
            for file in sample {
                _ = try options.office.attempt(
                    [file], to: WordConverter.format, into: cold, timeout: 300, profile: profile)
            }
        }
        return Result(
            documents: files.count, shufaSeconds: shufaSeconds, oneProcessSeconds: oneProcess,
            finishSeconds: finishSeconds, coldSample: sample.count,
            coldPerDocument: coldSeconds / Double(max(1, sample.count)))
    }
}
