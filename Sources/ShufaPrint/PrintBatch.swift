import Crypto
import Foundation
import ShufaCatalog
import ShufaOutput
import ShufaSystem
import ShufaXML

/// Turns a built batch into print-ready PDFs: one PDF per document (`<kind>/<name>.pdf`, as built) and,
/// per document kind, one combined file a clerk sends to the printer as one job
/// (`<kind>-<中文名>-合订.pdf`, by unit then leader, with copies and duplex blank pages as asked), plus
/// `print.json` listing them. LibreOffice lays every document out once; splitting and combining the
/// PDFs afterwards copies pages (with qpdf), so neither costs another conversion.
public struct PrintBatch: Sendable {
    /// What to print and where.
    public let request: PrintRequest
    let office: LibreOffice
    let qpdf: QPDF
    let documents: [BuildSummary.Document]

    /// Reads the batch (from `summary.json` unless the request lists its documents) and finds LibreOffice
    /// and qpdf.
    public init(_ request: PrintRequest) throws(PrintError) {
        let documents: [BuildSummary.Document]
        do {
            if let listed = request.documents {
                let summary = request.build.appendingPathComponent(BatchBuilder.summaryName)
                try BuildListing.checkPaths(listed, listedIn: summary.path)
                documents = listed
            } else {
                documents = try BuildListing.documents(in: request.build)
            }
        } catch {
            throw .listing(error)
        }
        guard !documents.isEmpty else { throw .nothingToPrint(request.build.path) }
        guard documents.contains(where: { !$0.path.hasSuffix(".docx") }) else {
            throw .onlyWordCopies(request.build.path)
        }
        do { office = try LibreOffice(fontConfig: request.options.fontConfig) } catch { throw .libreOffice(error) }
        do { qpdf = try QPDF() } catch { throw .qpdf(error) }
        self.request = request
        self.documents = documents
    }

    /// Converts and writes everything; `progress` is called as documents are done. A document that is not
    /// what the build wrote (changed, missing, not ODF text) is not converted, and neither are those
    /// LibreOffice cannot convert: both are listed in the summary's failures; the rest are written.
    public func run(progress: (@Sendable (PrintProgress) -> Void)? = nil) throws(PrintError) -> PrintSummary {
        let items = PrintPlan.items(documents, build: request.build)
        let folder: OutputFolder, workspace: PrivateFolder
        do {
            folder = try OutputFolder(request.output)
            try folder.remove(Self.summaryName)
            for kind in Set(items.map(\.document.kind.rawValue)).sorted() { try folder.prepareFolder(kind) }
            workspace = try PrivateFolder(prefix: "shufa-print")
        } catch {
            throw .output(error)
        }
        defer { workspace.remove() }
        let checked = ParallelMap.run(items) { (item) throws(BuiltDocument.Problem) in
            try BuiltDocument.verify(item.document, in: item.build)
        }
        let combinables = checked.map { (try? $0.get())?.flatMap(CombinableDocument.init) }
        let refused = Dictionary(uniqueKeysWithValues: checked.enumerated().compactMap { index, result in
            if case .failure(let problem) = result { return (index, problem) } else { return nil }
        })
        let tracker = ProgressTracker(total: items.count, report: progress)
        tracker.markDone(Set(refused.keys))
        let outcome = PrintConverter(
            office: office, qpdf: qpdf, options: request.options, items: items, combinables: combinables,
            skipping: Set(refused.keys), workspace: workspace.url, progress: tracker
        ).run()
        let titles = combinables.map { $0.flatMap(Self.title) }
        let fonts = FontSubstitution.find(Self.fontNames(combinables.compactMap { $0 }), fontConfig: office.fontConfig)
        let output = Output(folder: folder, workspace: workspace.url)
        let summary = PrintSummary(documents: try writeDocuments(items, outcome, titles: titles, output: output),
                                   combined: try writeCombined(items, outcome, output: output),
                                   failures: failures(items, outcome, refused: refused), pdfa: request.options.pdfa,
                                   fonts: fonts)
        try write(summary, into: folder)
        return summary
    }

    /// The largest PDF read back from the workspace.
    static let maximumPDF = 1 << 30

    /// The name of the account of a print run in its output folder.
    public static let summaryName = "print.json"

    /// Where the PDFs go, and the private folder qpdf works in.
    private struct Output {
        var folder: OutputFolder
        var workspace: URL
    }

    /// The name of a document's combined print file for `kind`.
    public static func combinedName(_ kind: DocumentKind) -> String { "\(kind.rawValue)-\(kind.chineseName)-合订.pdf" }

    /// The font families the documents' font faces name, each once, in the order first met.
    static func fontNames(_ documents: [CombinableDocument]) -> [String] {
        var names: [String] = []
        for document in documents {
            let faces = document.root.child(Namespace.office, "font-face-decls")?.elements ?? []
            for face in faces {
                guard
                    let family = face.attribute(
                        "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0", "font-family")
                else { continue }
                let name = family.trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))
                if !name.isEmpty && !names.contains(name) { names.append(name) }
            }
        }
        return names
    }

    private static func title(_ document: CombinableDocument) -> String? {
        document.root.child(Namespace.office, "meta")?.child(Namespace.dc, "title")?.content
    }

    // MARK: Writing

    private func writeDocuments(_ items: [PrintItem], _ outcome: PrintConverter.Outcome, titles: [String?],
                                output: Output) throws(PrintError) -> [PrintSummary.Document] {
        let placed = items.indices.filter { outcome.placements[$0] != nil }
        let written = ParallelMap.run(placed) { (index) throws(PrintError) -> PrintSummary.Document in
            let item = items[index], placement = outcome.placements[index]!
            let source = outcome.pdfs[placement.pdf]
            let bytes = try write(
                [QPDF.PageRun(file: source.url, pages: placement.pages)], primary: source, title: titles[index],
                name: String(format: "document-%04d", index), to: item.path, output: output)
            return PrintSummary.Document(
                leader: item.document.leader, unit: item.document.unit, kind: item.document.kind,
                source: item.document.path, path: item.path, pages: placement.pages.count, sha256: Self.digest(bytes))
        }
        var documents: [PrintSummary.Document] = []
        for result in written {
            switch result {
            case .success(let document): documents.append(document)
            case .failure(let error): throw error
            }
        }
        return documents
    }

    private func writeCombined(_ items: [PrintItem], _ outcome: PrintConverter.Outcome,
                               output: Output) throws(PrintError) -> [PrintSummary.Combined] {
        var combined: [PrintSummary.Combined] = []
        var blank: URL?
        for kind in DocumentKind.allCases {
            let placed = items.indices.filter { items[$0].document.kind == kind }.compactMap { outcome.placements[$0] }
            guard !placed.isEmpty else { continue }
            let pages = combinedPages(placed, copies: request.options.copies(of: kind))
            if pages.contains(where: { $0 == nil }) && blank == nil { blank = try blankPage(in: output.workspace) }
            var runs: [QPDF.PageRun] = []
            for page in pages {
                let run =
                    page.map { QPDF.PageRun(file: outcome.pdfs[$0.pdf].url, pages: $0.pages) }
                    ?? QPDF.PageRun(file: blank!, pages: 0..<1)
                if let last = runs.last, last.file == run.file, last.pages.upperBound == run.pages.lowerBound {
                    runs[runs.count - 1].pages = last.pages.lowerBound..<run.pages.upperBound
                } else {
                    runs.append(run)
                }
            }
            let name = Self.combinedName(kind)
            let bytes = try write(runs, primary: outcome.pdfs[placed[0].pdf], title: "\(kind.chineseName)（合订）",
                                  name: "combined-\(kind.rawValue)", to: name, output: output)
            combined.append(
                PrintSummary.Combined(
                    kind: kind, path: name, pages: runs.reduce(0) { $0 + $1.pages.count }, documents: placed.count,
                    copies: request.options.copies(of: kind), duplex: request.options.duplex, sha256: Self.digest(bytes)
                ))
        }
        return combined
    }

    /// The pages of a combined file: each document `copies` times, each copy followed by a blank page
    /// (nil) when printing duplex and its page count is odd.
    func combinedPages(_ placements: [Placement], copies: Int) -> [Placement?] {
        var pages: [Placement?] = []
        for placement in placements {
            for _ in 0..<copies {
                pages.append(placement)
                if request.options.duplex && placement.pages.count % 2 == 1 { pages.append(nil) }
            }
        }
        return pages
    }

    /// Writes `runs` of pages through qpdf into the workspace (as `name`), then into the output folder at
    /// `path`; returns the bytes written.
    private func write(_ runs: [QPDF.PageRun], primary: SourcePDF, title: String?, name: String, to path: String,
                       output: Output) throws(PrintError) -> [UInt8] {
        let scratch = output.workspace.appendingPathComponent("pages")
        let file = scratch.appendingPathComponent(name + ".pdf")
        do { try qpdf.write(runs, primary: primary, title: title, to: file, scratch: scratch) } catch {
            throw .qpdf(error)
        }
        let bytes: [UInt8]
        do { bytes = Array(try RegularFile.read(file, limit: Self.maximumPDF)) } catch {
            throw .unreadablePage(file.path, error)
        }
        do { try output.folder.write(bytes, to: path) } catch { throw .output(error) }
        try? FileManager.default.removeItem(at: file)
        return bytes
    }

    /// A one-page blank A4 PDF in the workspace, for the backs of sheets when printing duplex.
    private func blankPage(in workspace: URL) throws(PrintError) -> URL {
        let url = workspace.appendingPathComponent("pages/blank.pdf")
        do { try OutputFolder.createPath(url.deletingLastPathComponent()) } catch { throw .workspace(error) }
        do { try qpdf.writeBlankPage(to: url) } catch { throw .qpdf(error) }
        return url
    }

    /// The documents refused before conversion and those LibreOffice could not convert, in print order.
    private func failures(_ items: [PrintItem], _ outcome: PrintConverter.Outcome,
                          refused: [Int: BuiltDocument.Problem]) -> [PrintSummary.Failure] {
        let messages = refused.mapValues(PrintMessages.refused).merging(
            outcome.failures.mapValues(PrintMessages.notConverted)
        ) { $1 }
        return messages.keys.sorted().map { index in
            let document = items[index].document
            return PrintSummary.Failure(
                leader: document.leader, unit: document.unit, kind: document.kind, source: document.path,
                message: messages[index]!)
        }
    }

    private func write(_ summary: PrintSummary, into folder: OutputFolder) throws(PrintError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do { data = try encoder.encode(summary) } catch {
            preconditionFailure("the summary is always encodable: \(error)")
        }
        do { try folder.write(Array(data) + [0x0A], to: Self.summaryName) } catch { throw .output(error) }
    }

    static func digest(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
