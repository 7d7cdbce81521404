import Foundation
import GRDB

/// What `archive verify` found.
public struct VerifyReport: Sendable {
    /// Stored files checked (each hashed again), and trail entries checked.
    public var files: Int
    public var trailEntries: Int
    /// Everything wrong, each naming its file.
    public var problems: [VerifyProblem]
    /// Files left by an interrupted `add` (listed as pending, or copies in `incoming/`): accepted, and
    /// removed by the next `add`.
    public var interrupted: Int

    public var passed: Bool { problems.isEmpty }
}

/// `archive verify`: every stored file still has the content its name and the index say, every indexed
/// file is there, nothing unindexed hides in the store, PDF/A identification is still where it was recorded,
/// the trail's hash chain is whole and its append-only triggers are in place, and SQLite finds the index sound.
public struct ArchiveVerifier: Sendable {
    public let archive: DocumentArchive

    public init(archive: DocumentArchive) { self.archive = archive }

    /// Checks the archive; `waiting` is called when an `add` is running and `verify` waits for it.
    public func verify(waiting: () -> Void = {}) throws(ArchiveError) -> VerifyReport {
        let lock: ArchiveLock
        do { lock = try ArchiveLock(archive.location.addLock, waiting: waiting) } catch { throw .file(error) }
        defer { withExtendedLifetime(lock) {} }
        let snapshot = try archive.read { db in try Snapshot(db) }
        var problems = snapshot.index
        let contents = archive.store.contents()
        let present = Set(contents.digests)
        let checked = Parallel.map(snapshot.blobs) { [archive] blob in
            Self.check(blob, present: present, archive: archive)
        }
        problems += checked.compactMap { $0 }
        let indexed = Set(snapshot.blobs.map(\.file.sha256))
        let leftovers = contents.digests.filter { !indexed.contains($0) }
        let unindexed = leftovers.filter { !snapshot.pending.contains($0) }
        problems += unindexed.map { .unindexed(path: ArchiveLocation.relativePath($0)) }
        problems += contents.strays.map { .stray(path: $0) }
        problems += snapshot.trailProblems
        let copies = (try? FileManager.default.contentsOfDirectory(atPath: archive.location.incoming.path))?.count ?? 0
        return VerifyReport(
            files: snapshot.blobs.count, trailEntries: snapshot.trailEntries, problems: problems,
            interrupted: leftovers.count - unindexed.count + copies)
    }

    private static func check(_ blob: Snapshot.Blob, present: Set<String>, archive: DocumentArchive) -> VerifyProblem? {
        guard present.contains(blob.file.sha256) else { return .missing(blob.file) }
        let url = archive.location.file(blob.file.sha256)
        guard let digest = try? FileDigest.of(url) else { return .missing(blob.file) }
        guard digest.sha256 == blob.file.sha256 else { return .damaged(blob.file, actual: digest.sha256) }
        if blob.pdfa && PDFAIdentification.of(url) == nil { return .pdfaMissing(blob.file) }
        return nil
    }
}

/// What the index says, read in one transaction.
private struct Snapshot {
    struct Blob: Sendable {
        var file: StoredFile
        var pdfa: Bool
    }

    var blobs: [Blob] = []
    var pending = Set<String>()
    var index: [VerifyProblem] = []
    var trailProblems: [VerifyProblem] = []
    var trailEntries = 0

    init(_ db: Database) throws {
        let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
        if check != ["ok"] { index = [.indexDamaged(check.prefix(3).joined(separator: "；"))] }
        var documents: [String: [String]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT d.sha256, d.year, d.unit, coalesce(nullif(l.name, ''), d.leader) AS who, d.kind, d.original
                FROM document d LEFT JOIN leader l ON l.year = d.year AND l.id = d.leader ORDER BY d.id
                """)
        {
            let parts = [
                "\(row["year"] as Int)年度", row["unit"], row["who"], KindNames.chinese(row["kind"]),
                "原文件名 \(row["original"] as String)",
            ].filter { !$0.isEmpty }
            documents[row["sha256"], default: []].append(parts.joined(separator: " "))
        }
        blobs = try Row.fetchAll(db, sql: "SELECT sha256, pdfa FROM blob ORDER BY sha256").map { row in
            let sha256: String = row["sha256"]
            return Blob(
                file: StoredFile(
                    sha256: sha256, path: ArchiveLocation.relativePath(sha256), documents: documents[sha256] ?? []),
                pdfa: row["pdfa"])
        }
        pending = Set(try String.fetchAll(db, sql: "SELECT sha256 FROM pending"))
        try checkTrail(db)
    }

    /// Each entry chained to the one before; none removed from the end (the last id SQLite handed out is
    /// the last entry); the append-only triggers in place.
    private mutating func checkTrail(_ db: Database) throws {
        let entries = try Trail.entries(db)
        trailEntries = entries.count
        var previous = ""
        for entry in entries {
            if entry.previous != previous || entry.hash != entry.expectedHash {
                trailProblems.append(.trailBroken(entry: entry.id))
                break
            }
            previous = entry.hash
        }
        let issued = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'trail'") ?? 0
        if trailProblems.isEmpty && issued > (entries.last?.id ?? 0) {
            trailProblems.append(.trailBroken(entry: (entries.last?.id ?? 0) + 1))
        }
        let triggers = try Int.fetchOne(
            db,
            sql: """
                SELECT count(*) FROM sqlite_master
                WHERE type = 'trigger' AND name IN ('trail_no_update', 'trail_no_delete')
                """)
        if triggers != 2 { trailProblems.append(.trailUnprotected) }
    }
}
