import Crypto
import Foundation
import ShufaXML

/// Turns a built batch into print-ready PDFs: one PDF per document (`<kind>/<name>.pdf`, as built) and,
/// per document kind, one combined file a clerk sends to the printer as one job
/// (`<kind>-<中文名>-合订.pdf`, by unit then leader, with copies and duplex blank pages as asked), plus
/// `print.json` listing them. LibreOffice lays every document out once; splitting and combining the
/// PDFs afterwards copies pages, so neither costs another conversion.
public struct PrintBatch: Sendable {
    /// What to print and where.
    public let request: PrintRequest
    let office: LibreOffice
    let documents: [BuildSummary.Document]

    /// Reads the batch (from `summary.json` unless the request lists its documents) and finds LibreOffice.
    public init(_ request: PrintRequest) throws(PrintError) {
        var documents = request.documents ?? []
        if request.documents == nil { documents = try PrintPlan.readSummary(in: request.build) }
        guard !documents.isEmpty else { throw .nothingToPrint(request.build.path) }
        do { office = try LibreOffice(fontConfig: request.options.fontConfig) } catch { throw .libreOffice(error) }
        self.request = request
        self.documents = documents
    }

    /// Converts and writes everything; `progress` is called as documents are done. Documents LibreOffice
    /// cannot convert are listed in the summary's failures; the rest are written.
    public func run(progress: (@Sendable (PrintProgress) -> Void)? = nil) throws(PrintError) -> PrintSummary {
        let items = PrintPlan.items(documents, build: request.build)
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("shufa-print-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: workspace) }
        let loaded = ParallelMap.run(items) { item in CombinableDocument(item.source) }
        let combinables = loaded.map { try? $0.get() }.map { $0 ?? nil }
        let tracker = ProgressTracker(total: items.count, report: progress)
        let outcome = PrintConverter(office: office, options: request.options, items: items, combinables: combinables,
                                     workspace: workspace, progress: tracker).run()
        let titles = combinables.map { $0.flatMap(Self.title) }
        let summary = PrintSummary(documents: try writeDocuments(items, outcome, titles: titles),
                                   combined: try writeCombined(items, outcome),
                                   failures: failures(items, outcome), pdfa: request.options.pdfa)
        try write(summary)
        return summary
    }

    /// The name of a document's combined print file for `kind`.
    public static func combinedName(_ kind: DocumentKind) -> String { "\(kind.rawValue)-\(kind.chineseName)-合订.pdf" }

    private static func title(_ document: CombinableDocument) -> String? {
        document.root.child(Namespace.office, "meta")?.child(Namespace.dc, "title")?.content
    }

    // MARK: Writing

    private func writeDocuments(_ items: [PrintItem], _ outcome: PrintConverter.Outcome, titles: [String?]) throws(PrintError) -> [PrintSummary.Document] {
        let placed = items.indices.filter { outcome.placements[$0] != nil }
        let written = ParallelMap.run(placed) { index in
            let item = items[index], placement = outcome.placements[index]!
            let pages = placement.pages.map { PDFPageSource.page(file: 0, index: $0) }
            let bytes = PDFAssembler.assemble(pages, from: [outcome.pdfs[placement.pdf]], title: titles[index])
            try OutputFiles.writeAtomically(bytes, to: request.output.appendingPathComponent(item.path))
            return PrintSummary.Document(leader: item.document.leader, unit: item.document.unit, kind: item.document.kind,
                                         source: item.document.path, path: item.path, pages: placement.pages.count, sha256: Self.digest(bytes))
        }
        do { return try written.map { try $0.get() } } catch { throw .workspace("\(error)") }
    }

    private func writeCombined(_ items: [PrintItem], _ outcome: PrintConverter.Outcome) throws(PrintError) -> [PrintSummary.Combined] {
        var combined: [PrintSummary.Combined] = []
        for kind in DocumentKind.allCases {
            let placed = items.indices.filter { items[$0].document.kind == kind }.compactMap { outcome.placements[$0] }
            guard !placed.isEmpty else { continue }
            let (pages, sources) = combinedPages(placed, copies: request.options.copies(of: kind))
            let bytes = PDFAssembler.assemble(pages, from: sources.map { outcome.pdfs[$0] }, title: "\(kind.chineseName)（合订）")
            let name = Self.combinedName(kind)
            do { try OutputFiles.writeAtomically(bytes, to: request.output.appendingPathComponent(name)) } catch { throw .workspace("\(error)") }
            combined.append(PrintSummary.Combined(kind: kind, path: name, pages: pages.count, documents: placed.count,
                                                  copies: request.options.copies(of: kind), duplex: request.options.duplex, sha256: Self.digest(bytes)))
        }
        return combined
    }

    /// The pages of a combined file: each document `copies` times, each copy followed by a blank page
    /// when printing duplex and its page count is odd. Also returns the converted PDFs used, in order.
    func combinedPages(_ placements: [Placement], copies: Int) -> ([PDFPageSource], [Int]) {
        var sources: [Int] = []
        var pages: [PDFPageSource] = []
        for placement in placements {
            let file = sources.firstIndex(of: placement.pdf) ?? { sources.append(placement.pdf); return sources.count - 1 }()
            for _ in 0..<copies {
                pages += placement.pages.map { .page(file: file, index: $0) }
                if request.options.duplex && placement.pages.count % 2 == 1 { pages.append(.blank) }
            }
        }
        return (pages, sources)
    }

    private func failures(_ items: [PrintItem], _ outcome: PrintConverter.Outcome) -> [PrintSummary.Failure] {
        outcome.failures.keys.sorted().map { index in
            let document = items[index].document
            return PrintSummary.Failure(leader: document.leader, unit: document.unit, kind: document.kind, source: document.path,
                                        message: outcome.failures[index]! + "; open the file in LibreOffice to see why, fix it and print again")
        }
    }

    private func write(_ summary: PrintSummary) throws(PrintError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(summary)
            try OutputFiles.writeAtomically(Array(data) + [0x0A], to: request.output.appendingPathComponent("print.json"))
        } catch {
            throw .workspace("\(error)")
        }
    }

    static func digest(_ bytes: [UInt8]) -> String { SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined() }
}
