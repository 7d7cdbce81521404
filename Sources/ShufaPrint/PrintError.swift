import Foundation
import ShufaOutput
import ShufaSystem

/// Why nothing could be printed; rendered in Chinese by `PrintMessages`.
public enum PrintError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The batch's documents cannot be listed (no summary.json, unreadable, or a path the build never writes).
    case listing(BuildListing.Problem)
    /// summary.json (in the folder) lists no documents.
    case nothingToPrint(String)
    /// summary.json (in the folder) lists only Word copies (.docx), made without their ODF documents.
    case onlyWordCopies(String)
    /// LibreOffice is missing.
    case libreOffice(LibreOffice.Failure)
    /// qpdf is missing, or could not cut or join the converted PDFs.
    case qpdf(QPDF.Failure)
    /// The private folder the PDFs are cut and joined in cannot be written.
    case workspace(OutputError)
    /// A PDF qpdf wrote there cannot be read back (its path).
    case unreadablePage(String, RegularFile.Problem)
    /// The output folder cannot be written (a file, read-only, full, locked by another shufa).
    case output(OutputError)

    /// What went wrong and what to do.
    public var description: String { PrintMessages.text(self) }
}
