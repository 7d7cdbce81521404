import Foundation
import GRDB
import ShufaKit
import Testing

@testable import ShufaArchive

/// What a plain scan finds: the documents whose indexed metadata (and, for a word of two characters or more,
/// text) holds a word, compared byte by byte in lower case.
struct SubstringScan {
    struct Entry {
        var key: String
        var meta: [UInt8]
        var body: [UInt8]
    }

    let entries: [Entry]

    init(_ archive: DocumentArchive) throws {
        entries = try archive.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.sha256, d.year, d.unit, d.leader, d.kind, d.origin, t.meta, t.body
                      FROM document d JOIN document_text t ON t.rowid = d.id
                    """
            ).map { row in
                Entry(
                    key: Self.key(
                        row["sha256"], String(row["year"] as Int), row["unit"], row["leader"], row["kind"],
                        row["origin"]),
                    meta: Array((row["meta"] as String).lowercased().utf8),
                    body: Array((row["body"] as String).lowercased().utf8))
            }
        }
    }

    static func key(_ fields: String...) -> String { fields.joined(separator: "|") }

    static func key(_ hit: SearchHit) -> String {
        key(hit.sha256, String(hit.year), hit.unit, hit.leader, hit.kind, hit.origin)
    }

    /// The documents holding `word`: in the metadata for one character, in the metadata or text for more.
    func documents(holding word: String) -> Set<String> {
        let needle = Array(word.lowercased().utf8)
        let single = word.unicodeScalars.count == 1
        return Set(
            entries.filter { Self.holds($0.meta, needle) || (!single && Self.holds($0.body, needle)) }.map(\.key))
    }

    private static func holds(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin in
                (0...(hay.count - pin.count)).contains { start in
                    hay[start] == pin[0] && memcmp(hay.baseAddress! + start, pin.baseAddress!, pin.count) == 0
                }
            }
        }
    }

    /// Words to look for: every character and every pair of characters of the metadata (names, units, 编号,
    /// positions, file names, kinds), pairs taken from the texts at regular steps, and some no document holds.
    func words() -> [String] {
        var words = Set<String>()
        for entry in entries {
            let meta = Array(String(decoding: entry.meta, as: UTF8.self).unicodeScalars)
            Self.pairs(meta, every: 1).forEach { words.insert($0) }
            meta.filter { !$0.properties.isWhitespace }.forEach { words.insert(String($0)) }
        }
        for entry in entries.prefix(40) {
            Self.pairs(Array(String(decoding: entry.body, as: UTF8.self).unicodeScalars), every: 97).forEach {
                words.insert($0)
            }
        }
        // A grade present in the archive is looked for as the grade, not as a word.
        let grades: Set<String> = ["优秀", "良好", "一般", "较差"]
        return words.subtracting(grades).sorted() + ["冯雨", "QC", "Qc", "、局", "（党", "龘", "~"]
    }

    private static func pairs(_ scalars: [Unicode.Scalar], every step: Int) -> [String] {
        guard scalars.count > 1 else { return [] }
        return stride(from: 0, to: scalars.count - 1, by: step).compactMap { index in
            let pair = scalars[index...index + 1]
            return pair.contains { $0.properties.isWhitespace } ? nil : String(String.UnicodeScalarView(pair))
        }
    }
}

@Suite("Archive: words of one or two characters")
struct ArchiveShortWordTests {
    static let archive: DocumentArchive = { try! Archives.sample() }()

    /// The documents `find` gives for `word`, all of them, as keys.
    static func found(_ word: String, in archive: DocumentArchive) throws -> (total: Int, keys: Set<String>) {
        let result = try Archives.find(word, in: archive, limit: 100_000)
        return (result.total, Set(result.documents.map(SubstringScan.key)))
    }

    @Test("one and two characters find exactly the documents a substring scan finds, counted exactly")
    func sameAsScan() throws {
        let scan = try SubstringScan(Self.archive)
        #expect(scan.entries.count > 100)
        let words = scan.words()
        #expect(words.count > 500)
        var broad = 0
        for word in words {
            let expected = scan.documents(holding: word)
            let found = try Self.found(word, in: Self.archive)
            #expect(found.keys == expected, "\(word)")
            #expect(found.total == expected.count, "\(word)")
            if expected.count > scan.entries.count / 2 { broad += 1 }
        }
        #expect(broad > 0)
    }

    @Test("two characters with other words, a year and a kind: all must match")
    func combined() throws {
        let scan = try SubstringScan(Self.archive)
        let both = scan.documents(holding: "冯雪").intersection(scan.documents(holding: "法治"))
        let found = try Self.found("冯雪 法治", in: Self.archive)
        #expect(!both.isEmpty && found.keys == both && found.total == both.count)
        let result = try Archives.find("冯雪 雪 行政执法", in: Self.archive, year: 2025, kind: "draft")
        #expect(result.total > 0 && result.total == result.documents.count)
        #expect(result.documents.allSatisfy { $0.leader == "QC010" && $0.kind == "draft" })
    }

    @Test("an archive of the previous index version is brought up to date when opened: every document found")
    func migration() throws {
        let archive = try Archives.fresh()
        try Archives.add([SampleBuild.shared.directory, Archives.tally], to: archive)
        let scan = try SubstringScan(archive)
        let words = scan.words()
        // The index as version 1 left it: the same tables, no index of short words, the trigrams' vocabulary.
        try archive.write { db in
            try db.execute(
                sql: """
                    DROP TABLE document_grams;
                    CREATE VIRTUAL TABLE document_terms USING fts5vocab (document_text, 'row');
                    PRAGMA user_version = 1;
                    """)
        }
        var notices: [ArchiveNotice] = []
        let reopened = try DocumentArchive(archive.location.root) { notices.append($0) }
        #expect(notices.map(\.description) == [ArchiveNotice.upgradingIndex.description])
        let version = try reopened.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
        #expect(version == ArchiveSchema.version)
        let vocabulary = "SELECT count(*) FROM sqlite_master WHERE name = 'document_terms'"
        #expect(try Archives.count(vocabulary, in: reopened) == 0)
        for word in words {
            #expect(try Self.found(word, in: reopened).keys == scan.documents(holding: word), "\(word)")
        }
        for word in ["述职述法报告", "黄志刚", "行政执法"] {
            #expect(try Self.found(word, in: reopened).keys == scan.documents(holding: word), "\(word)")
        }
        #expect(try ArchiveVerifier(archive: reopened).verify().passed)
        notices = []
        let current = try DocumentArchive(archive.location.root, create: true) { notices.append($0) }
        #expect(notices.isEmpty)
        #expect(try Archives.add([SampleBuild.shared.directory], to: current).recordedTotal == 0)
    }
}
