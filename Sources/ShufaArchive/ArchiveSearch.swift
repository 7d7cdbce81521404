import Foundation
import GRDB

/// `archive find`: documents by name, unit, 编号, year, grade, kind and the words of their text.
///
/// Words of three characters or more are looked up in the FTS5 trigram index (metadata and text). A word of
/// two characters (many Chinese names), which no trigram holds alone, is one term of the index of short words
/// (every pair of adjacent characters of the metadata and text); so is a single character, of the metadata
/// only.
public struct ArchiveSearch: Sendable {
    public let archive: DocumentArchive

    public init(archive: DocumentArchive) { self.archive = archive }

    public func find(_ query: SearchQuery) throws(ArchiveError) -> SearchResult {
        guard !query.isEmpty else { throw .emptyQuery }
        return try archive.read { db in
            let plan = try SearchPlan(query, db: db)
            let total = try Int.fetchOne(db, sql: plan.countSQL, arguments: plan.countArguments) ?? 0
            // Listed by year (newest first), unit, then in the order archived (a batch's roster order), walking
            // the index in that order: the first documents that match end the walk, however many match.
            let ids = try Int64.fetchAll(
                db,
                sql: "SELECT d.id FROM document d INDEXED BY document_unit WHERE \(plan.condition)"
                    + " ORDER BY d.year DESC, d.unit, d.id LIMIT ?",
                arguments: plan.arguments + [max(0, query.limit)])
            var hits = try details(ids, db: db)
            if !plan.words.isEmpty { try addSnippets(&hits, words: plan.words, db: db) }
            return SearchResult(total: total, documents: hits.map(\.hit))
        }
    }

    /// The documents `ids`, in that order, with their file's size and their leader.
    private func details(_ ids: [Int64], db: Database) throws -> [(id: Int64, hit: SearchHit)] {
        guard !ids.isEmpty else { return [] }
        let rows = try Row.fetchAll(
            db,
            sql: Self.columns + """
                 FROM document d JOIN blob b ON b.sha256 = d.sha256
                 LEFT JOIN leader l ON l.year = d.year AND l.id = d.leader
                WHERE d.id IN (\(ids.map(String.init).joined(separator: ",")))
                """)
        let found = Dictionary(rows.map(Self.hit).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { found[$0] }
    }

    private static let columns = """
        SELECT d.id, d.year, d.unit, d.leader, d.kind, d.format, d.origin, d.verdict, d.errors, d.warnings, d.sha256,
               d.original, d.added, b.size, coalesce(l.name, '') AS name, coalesce(l.position, '') AS position,
               coalesce(l.role, '') AS role, l.grade
        """

    private static func hit(_ row: Row) -> (id: Int64, hit: SearchHit) {
        let sha256: String = row["sha256"]
        return (
            row["id"],
            SearchHit(
                year: row["year"], unit: row["unit"], leader: row["leader"], name: row["name"],
                position: row["position"], role: row["role"], kind: row["kind"], format: row["format"],
                origin: row["origin"], verdict: row["verdict"], errors: row["errors"],
                warnings: row["warnings"], grade: row["grade"], size: row["size"], sha256: sha256,
                original: row["original"], added: row["added"],
                path: ArchiveLocation.relativePath(sha256), snippet: nil)
        )
    }

    /// Where the first of `words` occurs in each hit's text (else its metadata), with some context.
    private func addSnippets(_ hits: inout [(id: Int64, hit: SearchHit)], words: [String], db: Database) throws {
        guard !hits.isEmpty else { return }
        let ids = hits.map { String($0.id) }.joined(separator: ",")
        let rows = try Row.fetchAll(db, sql: "SELECT rowid, meta, body FROM document_text WHERE rowid IN (\(ids))")
        let texts = Dictionary(
            rows.map { ($0["rowid"] as Int64, [$0["body"] as String, $0["meta"] as String]) },
            uniquingKeysWith: { first, _ in first })
        for index in hits.indices {
            hits[index].hit.snippet = texts[hits[index].id].flatMap { Snippet.of(words, in: $0) }
        }
    }
}

/// A word in its context: 「…前文【词】后文…」.
enum Snippet {
    static let context = 16

    /// Where `word` first occurs in `text` (a byte search: the text may be long); a word with letters of the
    /// Latin alphabet in either case (编号 such as s00042).
    static func find(_ word: String, in text: String) -> Range<String.Index>? {
        let folds = word.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic }
        var haystack = folds ? text.lowercased() : text
        var needle = folds ? word.lowercased() : word
        let offset = haystack.withUTF8 { hay in needle.withUTF8 { pin in offsetOf(pin, in: hay) } }
        guard let offset, haystack.utf8.count == text.utf8.count else { return nil }
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return start..<text.utf8.index(start, offsetBy: needle.utf8.count)
    }

    /// The byte offset of the first `pin` in `hay`.
    private static func offsetOf(_ pin: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = pin.first, let start = hay.baseAddress, hay.count >= pin.count else { return nil }
        for index in 0...(hay.count - pin.count) where hay[index] == first {
            if memcmp(start + index, pin.baseAddress!, pin.count) == 0 { return index }
        }
        return nil
    }

    /// The first occurrence of any of `words` in the first of `texts` that holds one.
    static func of(_ words: [String], in texts: [String]) -> String? {
        for text in texts {
            let found = words.compactMap { find($0, in: text) }.min {
                $0.lowerBound < $1.lowerBound
            }
            guard let found else { continue }
            let start = text.index(found.lowerBound, offsetBy: -context, limitedBy: text.startIndex) ?? text.startIndex
            let end = text.index(found.upperBound, offsetBy: context, limitedBy: text.endIndex) ?? text.endIndex
            let snippet =
                (start > text.startIndex ? "…" : "") + text[start..<found.lowerBound] + "【" + text[found] + "】"
                + text[found.upperBound..<end] + (end < text.endIndex ? "…" : "")
            return snippet.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}

/// The SQL of a search: the condition on documents (`d`) and its arguments, and the words to show in context.
/// Conditions on leaders go through subqueries, so no join is made for the thousands of documents a broad
/// word matches; only the documents listed are joined.
private struct SearchPlan {
    var conditions: [String] = []
    var arguments: StatementArguments = []
    /// The words looked for in the metadata and text (not those taken as a year or a grade).
    var words: [String] = []
    /// Counting through one full-text table alone, when nothing else narrows the search.
    private var ownCount: (sql: String, match: String)?

    var condition: String { conditions.isEmpty ? "1" : conditions.joined(separator: " AND ") }

    var countSQL: String { ownCount.map(\.sql) ?? "SELECT count(*) FROM document d WHERE \(condition)" }

    var countArguments: StatementArguments { ownCount.map { [$0.match] } ?? arguments }

    init(_ query: SearchQuery, db: Database) throws {
        var year = query.year
        var grade = query.grade
        let grades = Set(try String.fetchAll(db, sql: "SELECT DISTINCT grade FROM leader WHERE grade IS NOT NULL"))
        var phrases: [String] = []
        var terms: [String] = []
        for word in query.words {
            if let named = SearchQuery.year(in: word), year == nil || year == named {
                year = named
            } else if grades.contains(word) && (grade == nil || grade == word) {
                grade = word
            } else {
                words.append(word)
                if let term = ShortTerms.term(word) { terms.append(term) } else { phrases.append(Self.quoted(word)) }
            }
        }
        if let year { filter("d.year = ?", [year]) }
        if let grade { filter("(d.year, d.leader) IN (SELECT year, id FROM leader WHERE grade = ?)", [grade]) }
        if let unit = query.unit { filter("instr(d.unit, ?)", [unit]) }
        if let kind = query.kind {
            filter("(d.kind = ? OR d.kind IN (SELECT value FROM json_each(?)))", [kind, Self.kinds(named: kind)])
        }
        match("document_text", phrases)
        match("document_grams", terms.map(Self.quoted))
    }

    /// Documents whose row in the full-text `table` holds all `phrases`.
    private mutating func match(_ table: String, _ phrases: [String]) {
        guard !phrases.isEmpty else { return }
        let match = phrases.joined(separator: " AND ")
        filter("d.id IN (SELECT rowid FROM \(table) WHERE \(table) MATCH ?)", [match])
        ownCount = conditions.count == 1 ? ("SELECT count(*) FROM \(table) WHERE \(table) MATCH ?", match) : nil
    }

    private mutating func filter(_ condition: String, _ values: [any DatabaseValueConvertible]) {
        conditions.append(condition)
        arguments += StatementArguments(values)
    }

    /// A word as an FTS5 string (a substring for the trigram tokenizer).
    static func quoted(_ word: String) -> String { "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// The kind ids whose Chinese name is `name`.
    static func kinds(named name: String) -> String {
        TallyReader.jsonArray(KindNames.ordered.filter { KindNames.chinese($0) == name })
    }
}
