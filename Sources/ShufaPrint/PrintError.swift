import Foundation
import ShufaOutput
import ShufaSystem

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
