import Foundation
import ShufaSystem

/// The documents a built batch lists, as the steps after the build read them (`shufa print`, the
/// archive): `summary.json`'s `documents`, or the journal it names (`journal.jsonl`, checked against the
/// SHA-256 summary.json records). Never trusted: a path that is not one the build writes is refused.
public enum BuildListing {
    /// Why a batch's documents cannot be listed; rendered in Chinese here only.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The folder (path) has no summary.json: it was not built.
        case noSummary(String)
        /// summary.json or the journal (path) cannot be read or decoded (reason).
        case unreadable(String, String)
        /// The listing (path) names a document path the build never writes (the path listed).
        case unsafePath(String, document: String)

        public var description: String {
            switch self {
            case .noSummary(let folder):
                return "\(folder) 中没有 summary.json：请先生成文书（shufa build --out \(folder)），或指定 shufa build 写出的文件夹"
            case .unreadable(let file, let reason):
                return "无法读取 \(file)（\(reason)）：请用 shufa build 重新生成"
            case .unsafePath(let file, let document):
                return "\(file) 列出的文书路径「\(document.prefix(200))」不是 shufa build 写出的「类别/文件名」形式，"
                    + "可能指向批次文件夹以外：清单已被改动或损坏，未读取任何文书；请重新生成（shufa build）"
            }
        }
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
            throw .unreadable(file.path, error.description)
        }
        let listing: Listing
        do { listing = try JSONDecoder().decode(Listing.self, from: data) } catch {
            throw .unreadable(file.path, "不是 shufa build 写出的格式")
        }
        var documents = listing.documents ?? []
        if listing.documents == nil {
            guard listing.journal == BatchBuilder.journalName, let expected = listing.journalSHA256 else {
                throw .unreadable(file.path, "既没有 documents，也没有 journal.jsonl")
            }
            let journal = build.appendingPathComponent(BatchBuilder.journalName)
            let lines: Data
            do { lines = try RegularFile.read(journal, limit: limit) } catch {
                throw .unreadable(journal.path, error.description)
            }
            guard BuiltDocument.digest(Array(lines)) == expected.lowercased() else {
                throw .unreadable(journal.path, "SHA-256 与 summary.json 记录的不一致（已被修改或替换）")
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
