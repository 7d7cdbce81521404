import Foundation
import ShufaSystem

/// The documents a built batch lists, as the steps after the build read them (`shufa print`, the
/// archive): `summary.json`'s `documents`, or the journal it names (`journal.jsonl`, checked against the
/// SHA-256 summary.json records). Never trusted: a path that is not one the build writes is refused.
public enum BuildListing {
    /// Why a batch's documents cannot be listed; rendered in Chinese by `OutputMessages`.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The folder (path) has no summary.json: it was not built.
        case noSummary(String)
        /// summary.json or the journal (path) cannot be read or decoded.
        case unreadable(String, Reason)
        /// The listing (path) names a document path the build never writes (the path listed).
        case unsafePath(String, document: String)

        public var description: String { OutputMessages.text(self) }
    }

    /// Why summary.json or the journal cannot be used.
    public enum Reason: Sendable, Equatable {
        case file(RegularFile.Problem)
        /// Not in the shape `shufa build` writes.
        case notBuildSummary
        /// Neither a `documents` list nor the journal's name and SHA-256.
        case nothingListed
        /// The journal is not the one summary.json records (its SHA-256 differs).
        case journalChanged
    }

    /// The largest summary.json or journal read.
    static let limit = 1 << 30

    /// The documents of the batch in `build`, each with a path the build writes for its kind.
    public static func documents(in build: URL) throws(Problem) -> [BuildSummary.Document] {
        let documents = try entries(in: build)
        try checkPaths(documents, listedIn: build.appendingPathComponent(BatchBuilder.summaryName).path)
        return documents
    }

    /// The entries the batch in `build` lists, their paths not yet checked: for a reader that refuses
    /// unsafe entries one by one (the archive) rather than the whole listing (print).
    public static func entries(in build: URL) throws(Problem) -> [BuildSummary.Document] {
        let file = build.appendingPathComponent(BatchBuilder.summaryName)
        struct Listing: Decodable {
            var documents: [BuildSummary.Document]?
            var journal: String?
            var journalSHA256: String?
        }
        let data: Data
        do { data = try RegularFile.read(file, limit: limit) } catch {
            if error == .missing { throw .noSummary(build.path) }
            throw .unreadable(file.path, .file(error))
        }
        let listing: Listing
        do { listing = try JSONDecoder().decode(Listing.self, from: data) } catch {
            throw .unreadable(file.path, .notBuildSummary)
        }
        var documents = listing.documents ?? []
        if listing.documents == nil {
            guard listing.journal == BatchBuilder.journalName, let expected = listing.journalSHA256 else {
                throw .unreadable(file.path, .nothingListed)
            }
            let journal = build.appendingPathComponent(BatchBuilder.journalName)
            let lines: Data
            do { lines = try RegularFile.read(journal, limit: limit) } catch {
                throw .unreadable(journal.path, .file(error))
            }
            guard BuiltDocument.digest(Array(lines)) == expected.lowercased() else {
                throw .unreadable(journal.path, .journalChanged)
            }
            documents = BuildJournal.read(lines).documents
        }
        return documents
    }

    /// Refuses a list of documents in which a path could leave the batch's folder.
    public static func checkPaths(_ documents: [BuildSummary.Document], listedIn file: String) throws(Problem) {
        if let unsafe = documents.first(where: { !BuiltDocument.isSafe($0.path, kind: $0.kind) }) {
            throw .unsafePath(file, document: unsafe.path)
        }
    }
}
