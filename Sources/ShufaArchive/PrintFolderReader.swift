import Foundation
import ShufaKit

/// Reads a folder `shufa print` wrote: every per-document PDF its print.json lists (checked against the
/// SHA-256 recorded there; PDF/A identification checked when print.json says PDF/A), with the year and
/// leader taken from the built document it was printed from (in the build folder, the print folder's
/// parent), and print.json itself. The combined print files are not archived: they repeat the documents.
struct PrintFolderReader {
    let options: CollectOptions

    private struct Listing: Decodable {
        struct Entry: Decodable, Sendable {
            var leader: String?
            var unit: String
            var kind: String
            var source: String
            var path: String
            var sha256: String
        }
        var documents: [Entry]
        var pdfa: Bool
    }

    func read(_ folder: URL) -> CollectedInputs {
        let file = folder.appendingPathComponent("print.json")
        let name = "\(folder.lastPathComponent)/print.json"
        let listing: Listing
        do { listing = try JSONDecoder().decode(Listing.self, from: Data(contentsOf: file)) } catch {
            return CollectedInputs(problems: [.badListing(file: name, reason: ListingReason.of(error))])
        }
        let build = folder.deletingLastPathComponent()
        let options = self.options
        let results = Parallel.map(listing.documents) { entry in
            Self.document(entry, folder: folder, build: build, listing: name, pdfa: listing.pdfa, options: options)
        }
        var inputs = CollectedInputs()
        for result in results {
            switch result {
            case .success(let document): inputs.documents.append(document)
            case .failure(let problem): inputs.problems.append(problem)
            }
        }
        guard let year = ListingYear.of(inputs.documents) ?? options.year else {
            inputs.problems.append(.noYear(file: name))
            return inputs
        }
        inputs.addAccount(file, original: name, year: year, kind: "print", format: "json", origin: .print)
        return inputs
    }

    private static func document(
        _ entry: Listing.Entry, folder: URL, build: URL, listing: String, pdfa: Bool,
        options: CollectOptions
    ) -> Result<IncomingDocument, AddProblem> {
        Result { () throws(AddProblem) in
            let (url, digest) = try ListedPath.verified(entry.path, sha256: entry.sha256, in: folder, listing: listing)
            if pdfa && PDFAIdentification.of(url) == nil { throw .pdfaMissing(file: entry.path) }
            var facts: DocumentFacts?
            if case .file(let source) = ListedPath.resolve(entry.source, in: build) {
                facts = try? DocumentFacts.read(source)
            }
            guard let year = facts?.year ?? options.year else { throw .noYear(file: entry.path) }
            let person = entry.leader.flatMap { leader in facts?.person(year: year, id: leader) }
            return IncomingDocument(
                file: url, digest: digest, original: entry.path, year: year, unit: entry.unit,
                leader: entry.leader ?? "", kind: entry.kind, format: "pdf", origin: .print, pdfa: pdfa,
                person: person)
        }
    }
}
