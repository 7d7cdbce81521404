import Foundation

/// How `shufa serve` runs: where it listens, where it keeps its data, where the templates, schemas and fonts
/// are, and the limits uploads are held to.
public struct DeskConfiguration: Sendable {
    /// The address to listen on: 127.0.0.1 (this machine only) unless told otherwise.
    public var bind: String
    public var port: Int
    /// The data folder: accounts, uploads, the batch, the archive (see `DataFolder`).
    public var data: URL
    /// The templates folder with `catalog.yaml`.
    public var templates: URL
    /// The OASIS ODF 1.3 schemas; the checks skip schema validation when nil.
    public var schemas: URL?
    /// The fontconfig file mapping the official Chinese font names, for LibreOffice.
    public var fontConfig: URL?
    public var limits: UploadLimits
    /// LibreOffice runs at once (printing, Word documents read back); at most one per core.
    public var officeJobs: Int
    /// The bcrypt cost of new passwords (2^cost rounds).
    public var bcryptCost: UInt8
    /// Whether a batch is also printed to PDF (LibreOffice); off for tests that do not need the PDFs.
    public var printing: Bool

    public init(
        bind: String = "127.0.0.1", port: Int = 8080, data: URL, templates: URL, schemas: URL? = nil,
        fontConfig: URL? = nil, limits: UploadLimits = UploadLimits(),
        officeJobs: Int = max(1, ProcessInfo.processInfo.activeProcessorCount), bcryptCost: UInt8 = 11,
        printing: Bool = true
    ) {
        self.bind = bind
        self.port = port
        self.data = data
        self.templates = templates
        self.schemas = schemas
        self.fontConfig = fontConfig
        self.limits = limits
        self.officeJobs = officeJobs
        self.bcryptCost = bcryptCost
        self.printing = printing
    }

    /// True when only this machine can reach the desk.
    public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(bind) }
}
