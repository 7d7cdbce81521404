import Foundation
import ShufaCatalog

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
