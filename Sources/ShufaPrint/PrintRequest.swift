import Foundation
import ShufaOutput

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
    public init(
        build: URL, output: URL? = nil, documents: [BuildSummary.Document]? = nil,
        options: PrintOptions = PrintOptions()
    ) {
        self.build = build
        self.output = output ?? build.appendingPathComponent("pdf")
        self.documents = documents
        self.options = options
    }
}
