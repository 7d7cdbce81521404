import Foundation
import GRDB
import ShufaKit

/// Writes what an `add` brings into the index, inside the one transaction that makes it visible.
struct IndexWriter {
    let db: Database
    /// The time recorded as 归档时间.
    let added: String

    /// Records `documents` (their files already stored): blobs, leaders, documents and their text.
    /// Returns the documents that were not in the index before.
    func record(_ documents: [IncomingDocument]) throws -> [IncomingDocument] {
        var recorded: [IncomingDocument] = []
        for var document in documents {
            if let person = document.person { try upsert(person) }
            if document.unit.isEmpty && !document.leader.isEmpty {
                document.unit =
                    try String.fetchOne(
                        db, sql: "SELECT unit FROM leader WHERE year = ? AND id = ?",
                        arguments: [document.year, document.leader]) ?? ""
            }
            try db.execute(
                sql: "INSERT OR IGNORE INTO blob (sha256, size, pdfa, added) VALUES (?, ?, ?, ?)",
                arguments: [document.digest.sha256, document.digest.size, document.pdfa, added])
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO document (sha256, year, unit, leader, kind, format, origin, verdict, errors,
                                                    warnings, findings, original, added)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: arguments(document))
            guard db.changesCount > 0 else { continue }
            let (id, meta, body) = (db.lastInsertedRowID, try meta(document), Self.indexable(document.text))
            try db.execute(
                sql: "INSERT INTO document_text (rowid, meta, body) VALUES (?, ?, ?)", arguments: [id, meta, body])
            try db.execute(
                sql: "INSERT INTO document_grams (rowid, terms) VALUES (?, ?)",
                arguments: [id, ShortTerms.of(meta: meta, body: body)])
            recorded.append(document)
        }
        return recorded
    }

    /// Records the grades of a tally on their leaders; returns notes on leaders the archive did not know.
    func record(_ grades: [LeaderGrade]) throws -> [AddProblem] {
        var notes: [AddProblem] = []
        for grade in grades {
            let known = try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM leader l WHERE year = ? AND id = ? AND \(LeaderLookup.known))
                    """, arguments: [grade.year, grade.leader])!
            if !known { notes.append(.unknownTallyLeader(file: grade.file, leader: grade.leader)) }
            try db.execute(
                sql: """
                    INSERT INTO leader (year, id, series, composite, grade, rule) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (year, id) DO UPDATE SET series = excluded.series, composite = excluded.composite,
                        grade = excluded.grade, rule = excluded.rule
                    """, arguments: [grade.year, grade.leader, grade.series, grade.composite, grade.grade, grade.rule])
        }
        return notes
    }

    /// Adds or completes a leader's row: a field a document leaves empty keeps what the archive knew.
    private func upsert(_ person: LeaderInfo) throws {
        try db.execute(
            sql: """
                INSERT INTO leader (year, id, name, unit, position, role, organization) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (year, id) DO UPDATE SET
                    name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE leader.name END,
                    unit = CASE WHEN excluded.unit <> '' THEN excluded.unit ELSE leader.unit END,
                    position = CASE WHEN excluded.position <> '' THEN excluded.position ELSE leader.position END,
                    role = CASE WHEN excluded.role <> '' THEN excluded.role ELSE leader.role END,
                    organization = CASE WHEN excluded.organization <> '' THEN excluded.organization
                                        ELSE leader.organization END
                """,
            arguments: [
                person.year, person.id, person.name, person.unit, person.position, person.role, person.organization,
            ])
    }

    private func arguments(_ document: IncomingDocument) -> StatementArguments {
        let check = document.check
        let counts = check.map { check in
            (
                check.findings.filter { $0.severity == .error }.count,
                check.findings.filter { $0.severity == .warning }.count
            )
        }
        return [
            document.digest.sha256, document.year, document.unit, document.leader, document.kind, document.format,
            document.origin.rawValue, check.map { Verdict($0).rawValue }, counts?.0, counts?.1,
            check.map { Self.json($0.findings) }, document.original, added,
        ]
    }

    /// The searchable metadata: the leader's name, unit, id, position and role, the original file name and
    /// the kind in Chinese, each on its own line.
    private func meta(_ document: IncomingDocument) throws -> String {
        let row = try Row.fetchOne(
            db, sql: "SELECT name, position, role FROM leader WHERE year = ? AND id = ?",
            arguments: [document.year, document.leader])
        let fields: [String?] = [
            row?["name"], document.unit, document.leader, row?["position"], row?["role"],
            document.original, KindNames.chinese(document.kind),
        ]
        return Self.indexable(fields.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n"))
    }

    /// Text as indexed: ended by a line break.
    static func indexable(_ text: String) -> String { text.isEmpty ? "" : text + "\n" }

    static func json(_ findings: [Finding]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(findings)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}
