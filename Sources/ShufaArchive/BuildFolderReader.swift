import Foundation
import ShufaKit

/// Reads a folder `shufa build` wrote: every document it lists (summary.json and its journal, read as
/// `BuildListing` reads them; each file checked against the SHA-256 recorded there, reports run through
/// the checks), and summary.json and the journal themselves.
struct BuildFolderReader {
    let options: CollectOptions

    func read(_ folder: URL) -> CollectedInputs {
        let summary = folder.appendingPathComponent(BatchBuilder.summaryName)
        let name = "\(folder.lastPathComponent)/\(BatchBuilder.summaryName)"
        let listed: [BuildSummary.Document]
        do { listed = try BuildListing.entries(in: folder) } catch {
            return CollectedInputs(problems: [.badListing(file: name, reason: error.description)])
        }
        let options = self.options
        let results = Parallel.map(listed) { entry in
            Self.document(entry, folder: folder, listing: name, options: options)
        }
        var inputs = CollectedInputs()
        for result in results {
            switch result {
            case .success(let document): inputs.documents.append(document)
            case .failure(let problem): inputs.problems.append(problem)
            }
        }
        guard let year = ListingYear.of(inputs.documents) ?? options.year else {
            inputs.problems += inputs.documents.map { .noYear(file: $0.original) } + [.noYear(file: name)]
            inputs.documents = []
            return inputs
        }
        for index in inputs.documents.indices where inputs.documents[index].year == 0 {
            inputs.documents[index].year = year
        }
        let journal = folder.appendingPathComponent(BatchBuilder.journalName)
        let accounts = [(summary, name, "summary", "json")]
            + (FileManager.default.fileExists(atPath: journal.path)
                ? [(journal, "\(folder.lastPathComponent)/\(BatchBuilder.journalName)", "journal", "jsonl")] : [])
        for (file, original, kind, format) in accounts {
            inputs.addAccount(file, original: original, year: year, kind: kind, format: format, origin: .build)
        }
        return inputs
    }

    private static func document(
        _ entry: BuildSummary.Document, folder: URL, listing: String,
        options: CollectOptions
    ) -> Result<IncomingDocument, AddProblem> {
        Result { () throws(AddProblem) in
            let (url, digest) = try ListedPath.verified(entry.path, sha256: entry.sha256, in: folder, listing: listing)
            let format = IncomingDocument.format(of: entry.path)
            var document = IncomingDocument(
                file: url, digest: digest, original: entry.path, year: options.year ?? 0,
                unit: entry.unit, leader: entry.leader ?? "", kind: entry.kind.rawValue, format: format,
                origin: .build)
            // Files that are not ODF (a tally workbook) take the year of the batch.
            guard format == "fodt" || format == "odt" else { return document }
            let facts = try DocumentFacts.read(url)
            guard let year = facts.year ?? options.year else { throw .noYear(file: entry.path) }
            document.year = year
            document.text = facts.text
            if let leader = entry.leader { document.person = facts.person(year: year, id: leader) }
            if entry.kind == .report, let checker = options.checker {
                document.check = try? checker.check(facts.parts, path: entry.path)
            }
            return document
        }
    }
}

/// The year of a listing: the one most of its documents give.
enum ListingYear {
    static func of(_ documents: [IncomingDocument]) -> Int? {
        let counts = Dictionary(grouping: documents.map(\.year).filter { $0 > 0 }, by: { $0 }).mapValues(\.count)
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }?.key
    }
}

/// Why a JSON listing could not be read, in words.
enum ListingReason {
    static func of(_ error: Error) -> String {
        if let error = error as? CocoaError, error.code == .fileReadNoSuchFile { return "文件不存在" }
        if error is DecodingError { return "不是 shufa 写出的格式" }
        return "无法读取文件"
    }
}
