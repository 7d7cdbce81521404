import Foundation

/// How to print a built batch.
public struct PrintOptions: Sendable {
    /// Copies of each 考核评议表 and 民主测评表 in the combined files (one per evaluator); other kinds get one.
    public var copies: Int
    /// Adds a blank page after every document (every copy) with an odd page count, so the next one starts
    /// on a fresh sheet when the combined file is printed on both sides (公文 are): on unless asked for
    /// single-sided printing.
    public var duplex: Bool
    /// Writes PDF/A-2b (for the archive) instead of plain PDF.
    public var pdfa: Bool
    /// The fontconfig file mapping the official font names (`fonts/fonts.conf`).
    public var fontConfig: URL?
    /// LibreOffice processes run at once; at most one per core.
    public var processes: Int
    /// Documents per combined file handed to LibreOffice (smaller files lay out faster and show progress).
    public var chunkSize: Int
    /// Time limit of one LibreOffice run: this many seconds, plus `secondsPerDocument` for each document.
    public var baseTimeout: Double
    /// Seconds added to a run's time limit for each document it converts.
    public var secondsPerDocument: Double

    /// Default settings: one copy, two-sided, plain PDF, one LibreOffice process per core.
    public init(copies: Int = 1, duplex: Bool = true, pdfa: Bool = false, fontConfig: URL? = nil,
                processes: Int = ProcessInfo.processInfo.activeProcessorCount, chunkSize: Int = 25,
                baseTimeout: Double = 60, secondsPerDocument: Double = 5) {
        self.copies = max(1, copies)
        self.duplex = duplex
        self.pdfa = pdfa
        self.fontConfig = fontConfig
        self.processes = max(1, min(processes, ProcessInfo.processInfo.activeProcessorCount))
        self.chunkSize = max(1, chunkSize)
        self.baseTimeout = baseTimeout
        self.secondsPerDocument = secondsPerDocument
    }

    /// Copies of a document of `kind` in a combined file.
    public func copies(of kind: DocumentKind) -> Int { kind == .form || kind == .ballot ? copies : 1 }

    /// LibreOffice's `--convert-to` argument: PDF (or PDF/A-2b) without the blank pages LibreOffice
    /// inserts to put page 1 on a right-hand page, with bookmarks exported as named destinations.
    var exportFormat: String {
        var options = [#""IsSkipEmptyPages":{"type":"boolean","value":"true"}"#,
                       #""ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}"#,
                       #""ExportBookmarks":{"type":"boolean","value":"false"}"#]
        if pdfa { options.append(#""SelectPdfVersion":{"type":"long","value":"2"}"#) }
        return "pdf:writer_pdf_Export:{" + options.joined(separator: ",") + "}"
    }
}

/// What to print: a built batch (a folder with `summary.json`, or its documents) and where to put the PDFs.
public struct PrintRequest: Sendable {
    /// The folder a build wrote (documents paths are relative to it).
    public var build: URL
    /// Where the PDFs and `print.json` go.
    public var output: URL
    /// The built documents; read from `build/summary.json` when nil.
    public var documents: [BuildSummary.Document]?
    /// Copies, duplex, PDF/A, fonts, processes.
    public var options: PrintOptions

    /// A request to print the batch in `build` into `output` (default `build/pdf`).
    public init(build: URL, output: URL? = nil, documents: [BuildSummary.Document]? = nil, options: PrintOptions = PrintOptions()) {
        self.build = build
        self.output = output ?? build.appendingPathComponent("pdf")
        self.documents = documents
        self.options = options
    }
}

/// Why nothing could be printed.
public enum PrintError: Error, Sendable, CustomStringConvertible {
    /// The batch's documents cannot be listed (no summary.json, unreadable, or a path the build never writes).
    case listing(BuildListing.Problem)
    /// summary.json lists no documents.
    case nothingToPrint(String)
    /// summary.json (in the folder) lists only Word copies (.docx), made without their ODF documents.
    case onlyWordCopies(String)
    /// LibreOffice is missing.
    case libreOffice(LibreOffice.Failure)
    /// qpdf is missing, or could not cut or join the converted PDFs.
    case qpdf(QPDF.Failure)
    /// The PDFs or print.json could not be written (reason).
    case workspace(String)
    /// The output folder cannot be written (a file, read-only, full, locked by another shufa).
    case output(OutputError)

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case .listing(let problem): return problem.description
        case .nothingToPrint(let folder):
            return "\(folder)/summary.json lists no documents: check the roster and build again"
        case .onlyWordCopies(let folder):
            return "\(folder) 中只有 Word 文档（.docx）：打印用 ODF 文档，请用 --format fodt,docx 重新生成后再打印"
        case .libreOffice(let failure): return failure.description
        case .qpdf(let failure): return failure.description
        case .workspace(let reason): return "cannot write the PDFs: \(reason) — check that the output folder is writable and the disk is not full"
        case .output(let error): return error.description
        }
    }
}

/// What a print run wrote and what failed: `print.json` in the output folder.
public struct PrintSummary: Sendable, Codable, Equatable {
    /// The PDF of one document.
    public struct Document: Sendable, Codable, Equatable {
        /// The leader's id (nil for a unit's ballot), unit and kind, as in summary.json.
        public var leader: String?
        public var unit: String
        public var kind: DocumentKind
        /// The built document, relative to the build folder.
        public var source: String
        /// The PDF, relative to the output folder.
        public var path: String
        /// Pages of the PDF, and its SHA-256.
        public var pages: Int
        public var sha256: String
    }

    /// The combined print file of one document kind.
    public struct Combined: Sendable, Codable, Equatable {
        /// The kind, the file (relative to the output folder) and its pages, blank pages and copies included.
        public var kind: DocumentKind
        public var path: String
        public var pages: Int
        /// Documents in the file (each counted once, whatever the copies).
        public var documents: Int
        /// Copies of each document, whether blank pages were added for duplex, and the SHA-256.
        public var copies: Int
        public var duplex: Bool
        public var sha256: String
    }

    /// A document LibreOffice could not convert, even alone.
    public struct Failure: Sendable, Codable, Equatable, CustomStringConvertible {
        /// The document (leader id, unit, kind, built file) and why it failed.
        public var leader: String?
        public var unit: String
        public var kind: DocumentKind
        public var source: String
        public var message: String

        /// `source: message`.
        public var description: String { "\(source): \(message)" }
    }

    /// The PDFs written (print order), the combined files (one per kind) and the documents that failed.
    public var documents: [Document]
    public var combined: [Combined]
    public var failures: [Failure]
    /// True when the files are PDF/A-2b.
    public var pdfa: Bool
    /// The official faces the documents name that this machine lacks, and the faces printed instead.
    public var fonts: [FontSubstitution]
}

/// Progress of a print run, reported while LibreOffice works.
public struct PrintProgress: Sendable, Equatable {
    /// Documents converted (or given up on) so far, of `total`.
    public var done: Int
    public var total: Int
    /// Seconds since the run started.
    public var elapsed: Double

    /// Estimated seconds left, once something is done.
    public var remaining: Double? {
        guard done > 0, done < total else { return done >= total ? 0 : nil }
        return elapsed / Double(done) * Double(total - done)
    }
}

/// One document to print, in print order.
struct PrintItem: Sendable {
    var document: BuildSummary.Document
    /// The batch's folder, which `document.path` is relative to.
    var build: URL
    /// The PDF's path relative to the output folder: `<kind>/<built name>.pdf`.
    var path: String
}

/// The documents of a build in print order: by kind, then by unit (in roster order), then by leader
/// (in roster order). When a document was built both as .fodt and .odt, the .fodt is printed.
enum PrintPlan {
    static func items(_ documents: [BuildSummary.Document], build: URL) -> [PrintItem] {
        var unitRank: [String: Int] = [:], leaderRank: [String: Int] = [:]
        for document in documents {
            if unitRank[document.unit] == nil { unitRank[document.unit] = unitRank.count }
            if let leader = document.leader, leaderRank[leader] == nil { leaderRank[leader] = leaderRank.count }
        }
        var chosen: [String: BuildSummary.Document] = [:]
        for document in documents where document.path.hasSuffix(".fodt") || document.path.hasSuffix(".odt") {
            let key = stem(document.path)
            if chosen[key] == nil || document.path.hasSuffix(".fodt") { chosen[key] = document }
        }
        let kindRank = Dictionary(uniqueKeysWithValues: DocumentKind.allCases.enumerated().map { ($1, $0) })
        let ordered = chosen.values.sorted { a, b in
            let left = (kindRank[a.kind] ?? 0, unitRank[a.unit] ?? 0, a.leader.flatMap { leaderRank[$0] } ?? -1)
            let right = (kindRank[b.kind] ?? 0, unitRank[b.unit] ?? 0, b.leader.flatMap { leaderRank[$0] } ?? -1)
            return left != right ? left < right : a.path < b.path
        }
        return ordered.map { PrintItem(document: $0, build: build, path: stem($0.path) + ".pdf") }
    }

    private static func stem(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path }
        return String(path[..<dot])
    }
}
