import Foundation
import ShufaCatalog

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
