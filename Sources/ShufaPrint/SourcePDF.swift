import Foundation

/// A PDF LibreOffice wrote, as qpdf read it.
struct SourcePDF: Sendable {
    let url: URL
    let pageCount: Int
    /// Named destinations: name → page index (0-based).
    let destinations: [String: Int]
    let documentLevel: DocumentLevel
}
