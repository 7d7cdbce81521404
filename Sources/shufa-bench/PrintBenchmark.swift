import Foundation
import ShufaKit

/// Measures the print path (`PrintBatch`: combined conversion, per-document and combined PDFs) on a batch
/// of generated documents, against LibreOffice started once per document (`soffice --convert-to pdf FILE`
/// with one, already used, profile folder — as when run by hand — measured on a small sample and
/// extrapolated) and one LibreOffice process converting every file.
enum PrintBenchmark {
    /// What to measure.
    struct Configuration: Sendable {
        /// A roster whose leaders (those with 述职 and 述法 texts) are repeated to make the batch.
        var roster: URL
        /// The templates folder (with catalog.yaml).
        var templates: URL
        /// `fonts/fonts.conf`, handed to LibreOffice.
        var fontConfig: URL?
        /// Documents per kind in the batch.
        var batchSize: Int
        /// Documents converted by one `soffice` process each (the rest is extrapolated).
        var coldSample: Int
        /// Kinds measured, each as its own batch.
        var kinds: [DocumentKind]
        /// Also time one `soffice` process converting all `batchSize` files.
        var measureOneProcess: Bool

        /// A configuration; the defaults measure 200 reports and 200 forms, 10 of each one process per file.
        init(roster: URL, templates: URL, fontConfig: URL?, batchSize: Int = 200, coldSample: Int = 10,
                    kinds: [DocumentKind] = [.report, .form], measureOneProcess: Bool = true) {
            self.roster = roster
            self.templates = templates
            self.fontConfig = fontConfig
            self.batchSize = batchSize
            self.coldSample = coldSample
            self.kinds = kinds
            self.measureOneProcess = measureOneProcess
        }
    }

    /// The timings of one kind.
    struct Result: Sendable, CustomStringConvertible {
        /// The kind of document measured, and how many were in the batch.
        var kind: DocumentKind
        var documents: Int
        /// Seconds for the whole batch through `PrintBatch` (per-document PDFs and the combined file).
        var printSeconds: Double
        /// Seconds per document through `PrintBatch`.
        var printPerDocument: Double { printSeconds / Double(documents) }
        /// Documents converted one process each, and seconds per document they took.
        var coldSample: Int
        var coldPerDocument: Double
        /// Seconds per document when one process converts every file of the batch, if measured.
        var oneProcessPerDocument: Double?

        /// The figures, one line each, for the benchmark's report.
        var description: String {
            var text = "\(kind.rawValue) (\(kind.chineseName)), \(documents) documents:\n"
                + String(
                    format: "  shufa print path        %7.3f s/doc  (%.2f s for the batch)\n", printPerDocument,
                    printSeconds)
            if let oneProcess = oneProcessPerDocument {
                text += String(
                    format: "  one soffice, all files  %7.3f s/doc  (%.2f s)\n", oneProcess,
                    oneProcess * Double(documents))
            }
            text += String(format: "  one soffice per file    %7.3f s/doc  (%d measured; %.0f s for %d extrapolated)\n",
                           coldPerDocument, coldSample, coldPerDocument * Double(documents), documents)
            text += String(format: "  speed-up over one process per file: ×%.0f", coldPerDocument / printPerDocument)
            return text
        }
    }

    /// Builds a batch of `batchSize` documents per kind in a temporary folder and times the three ways
    /// of converting it; `log` hears what is being done. Throws when the batch cannot be built or
    /// LibreOffice is missing.
    static func run(_ configuration: Configuration, log: ((String) -> Void)? = nil) throws -> [Result] {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent(
            "shufa-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: workspace) }
        let roster = workspace.appendingPathComponent("roster.json")
        let catalog = try Catalog.load(from: configuration.templates.appendingPathComponent("catalog.yaml"))
        let valid = Set(try RosterReader(catalog: catalog).read(configuration.roster).leaders.map(\.id))
        try OutputFiles.writeAtomically(
            try syntheticRoster(from: configuration.roster, valid: valid, leaders: configuration.batchSize), to: roster)
        let built = workspace.appendingPathComponent("built")
        let kinds = configuration.kinds.map(\.rawValue).joined(separator: ", ")
        log?("building \(configuration.batchSize) leaders' \(kinds)…")
        let summary = try BatchBuilder(BuildRequest(roster: roster, templates: configuration.templates, output: built,
                                                    kinds: Set(configuration.kinds))).run()
        let office = try LibreOffice(fontConfig: configuration.fontConfig)
        return try configuration.kinds.map { kind in
            let documents = Array(summary.documents.filter { $0.kind == kind }.prefix(configuration.batchSize))
            return try measure(kind, documents, built: built, office: office, configuration: configuration,
                               workspace: workspace.appendingPathComponent(kind.rawValue), log: log)
        }
    }

    private static func measure(
        _ kind: DocumentKind, _ documents: [BuildSummary.Document], built: URL, office: LibreOffice,
        configuration: Configuration, workspace: URL, log: ((String) -> Void)?
    ) throws -> Result {
        log?("\(kind.rawValue): shufa print path, \(documents.count) documents…")
        let options = PrintOptions(fontConfig: configuration.fontConfig)
        let request = PrintRequest(
            build: built, output: workspace.appendingPathComponent("print"), documents: documents, options: options)
        let printSeconds = try time { _ = try PrintBatch(request).run() }
        let files = documents.map { built.appendingPathComponent($0.path) }
        var oneProcess: Double?
        if configuration.measureOneProcess {
            log?("\(kind.rawValue): one soffice for all \(files.count) files…")
            oneProcess =
                try time { _ = try office.convert(files, to: "pdf", into: workspace.appendingPathComponent("one")) }
                / Double(files.count)
        }
        let sample = Array(files.prefix(configuration.coldSample))
        log?("\(kind.rawValue): one soffice per file, \(sample.count) files…")
        let profile = workspace.appendingPathComponent("profile"), cold = workspace.appendingPathComponent("cold")
        _ = try office.attempt([files[0]], to: "pdf", into: cold, timeout: 300, profile: profile)
        let coldSeconds = try time {
            for file in sample { _ = try office.attempt([file], to: "pdf", into: cold, timeout: 300, profile: profile) }
        }
        return Result(kind: kind, documents: documents.count, printSeconds: printSeconds, coldSample: sample.count,
                      coldPerDocument: coldSeconds / Double(max(1, sample.count)), oneProcessPerDocument: oneProcess)
    }

    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now()
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// A roster of `count` leaders, repeating the `valid` ones of `roster` that have both texts, ten to a unit.
    static func syntheticRoster(from roster: URL, valid: Set<String>, leaders count: Int) throws -> [UInt8] {
        guard var json = try JSONSerialization.jsonObject(with: Data(contentsOf: roster)) as? [String: Any],
              let leaders = json["leaders"] as? [[String: Any]] else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: roster.path])
        }
        let complete = leaders.filter {
            valid.contains($0["id"] as? String ?? "") && ($0["duty"] as? [Any])?.isEmpty == false
                && ($0["law"] as? String)?.isEmpty == false
        }
        guard !complete.isEmpty else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: roster.path])
        }
        json["leaders"] = (0..<count).map { index -> [String: Any] in
            var leader = complete[index % complete.count]
            leader["id"] = String(format: "BENCH%04d", index + 1)
            leader["unit"] = String(format: "测试单位%02d", index / 10 + 1)
            return leader
        }
        return Array(try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]))
    }
}
