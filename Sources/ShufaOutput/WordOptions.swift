import Foundation
import ShufaSystem

/// How a build makes Word copies (.docx) of its documents, for leaders who write in Word or WPS: through
/// LibreOffice, from the ODF documents just written, after the whole batch is written.
public struct WordOptions: Sendable {
    /// The LibreOffice that converts.
    public let office: LibreOffice
    /// Keep the ODF documents the .docx are made from (`--format odt,docx`); when false (`--format docx`)
    /// they are removed once their .docx is written, and only the .docx are listed.
    public var keepSources: Bool
    /// LibreOffice processes run at once; at most one per core.
    public var processes: Int
    /// Time limit of one LibreOffice run: this many seconds, plus `secondsPerDocument` for each document.
    public var baseTimeout: Double = 60
    public var secondsPerDocument: Double = 5

    /// Finds LibreOffice (with the fontconfig file mapping the official font names, when present).
    /// - Throws: `WordError.noLibreOffice` when it is not installed.
    public init(
        fontConfig: URL?, keepSources: Bool,
        processes: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws(WordError) {
        do { office = try LibreOffice(fontConfig: fontConfig) } catch { throw .noLibreOffice }
        self.keepSources = keepSources
        self.processes = max(1, min(processes, ProcessInfo.processInfo.activeProcessorCount))
    }
}
