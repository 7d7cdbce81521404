import Foundation
import GRDB

/// What an `add` did.
public struct AddReport: Sendable {
    /// Documents newly recorded, by kind; documents that were already in the archive.
    public var recorded: [String: Int]
    public var alreadyThere: Int
    /// Files copied into the store (a file already stored is not copied again).
    public var storedFiles: Int
    /// Leaders whose grade was recorded.
    public var grades: Int
    public var problems: [AddProblem]

    public var recordedTotal: Int { recorded.values.reduce(0, +) }
}

/// Stores documents and indexes them, so that a kill -9 at any moment leaves an archive `verify` accepts:
/// the files go into the store first (each complete under its name), listed beforehand as pending; then one
/// transaction indexes them all and clears the pending list. An interrupted `add` leaves pending files,
/// which the next `add` removes before it starts (it holds the add lock, so no other `add` is running).
public struct ArchiveAdder: Sendable {
    public let archive: DocumentArchive

    public init(archive: DocumentArchive) { self.archive = archive }

    /// Archives `inputs`; `waiting` is called when another `add` holds the archive and this one waits.
    /// `actor` is who the trail names for the steps the archive records itself (`shufa archive add` when nil).
    public func add(
        _ inputs: CollectedInputs, actor: String? = nil, waiting: () -> Void = {}
    ) throws(ArchiveError) -> AddReport {
        let lock: ArchiveLock
        do { lock = try ArchiveLock(archive.location.addLock, waiting: waiting) } catch { throw .file(error) }
        defer { withExtendedLifetime(lock) {} }
        var problems = inputs.problems
        let recovered = try recover()
        if recovered > 0 { problems.append(.recovered(files: recovered)) }
        let run = UUID().uuidString
        let missing = try unstored(inputs.documents)
        try archive.write { db in
            for digest in missing {
                try db.execute(sql: "INSERT OR REPLACE INTO pending VALUES (?, ?)", arguments: [digest, run])
            }
        }
        let failed = storeFiles(inputs.documents, missing: missing, problems: &problems)
        let documents = inputs.documents.filter { !failed.contains($0.digest.sha256) }
        archive.store.sync(missing.filter { !failed.contains($0) })
        let recorded = try archive.write { db in
            let writer = IndexWriter(db: db, added: ArchiveClock.now())
            let recorded = try writer.record(documents)
            problems += try writer.record(inputs.grades)
            problems += try recordSteps(recorded, actor: actor ?? Trail.archiveActor, db: db)
            try db.execute(sql: "DELETE FROM pending WHERE run = ?", arguments: [run])
            return recorded
        }
        return AddReport(
            recorded: Dictionary(grouping: recorded, by: \.kind).mapValues(\.count),
            alreadyThere: documents.count - recorded.count, storedFiles: missing.count - failed.count,
            grades: inputs.grades.count, problems: problems)
    }

    /// Removes what an interrupted `add` left: stored files never indexed, copies in `incoming/`.
    private func recover() throws(ArchiveError) -> Int {
        let stale = try archive.read { db in
            try String.fetchAll(db, sql: "SELECT sha256 FROM pending WHERE sha256 NOT IN (SELECT sha256 FROM blob)")
        }
        for digest in stale { archive.store.remove(digest) }
        let copies = archive.store.clearIncoming()
        try archive.write { db in try db.execute(sql: "DELETE FROM pending") }
        return stale.count + copies
    }

    /// The digests of the documents' files that the store does not hold yet, each once, in order.
    private func unstored(_ documents: [IncomingDocument]) throws(ArchiveError) -> [String] {
        try archive.read { db in
            var seen = Set<String>()
            return try documents.map(\.digest.sha256).filter { digest in
                guard seen.insert(digest).inserted else { return false }
                return try !Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM blob WHERE sha256 = ?)", arguments: [digest])!
            }
        }
    }

    /// Copies the missing files into the store; returns the digests that could not be stored.
    private func storeFiles(
        _ documents: [IncomingDocument], missing: [String], problems: inout [AddProblem]
    ) -> Set<String> {
        let sources = Dictionary(documents.map { ($0.digest.sha256, $0.file) }, uniquingKeysWith: { first, _ in first })
        var failed = Set<String>()
        for digest in missing {
            do { try archive.store.put(sources[digest]!, expected: digest) } catch {
                failed.insert(digest)
                switch error {
                case .file(let failure): problems.append(.storeFailed(failure))
                case .changed(let path): problems.append(.changedWhileStoring(file: path))
                }
            }
        }
        return failed
    }

    /// The trail steps the archive takes itself: 下发草稿 when a leader's draft is first archived, 已交回
    /// when a returned report is (unless the report was already 报送).
    private func recordSteps(_ recorded: [IncomingDocument], actor: String, db: Database) throws -> [AddProblem] {
        var notes: [AddProblem] = []
        var done = Set<String>()
        for document in recorded where !document.leader.isEmpty {
            let key = "\(document.year)\u{1F}\(document.leader)\u{1F}\(document.kind)"
            let current = try Trail.current(db, year: document.year, leader: document.leader)
            if document.kind == "draft" && document.origin == .build && current == nil {
                try Trail.append(
                    db, year: document.year, leader: document.leader, state: .draft, actor: actor)
            } else if document.origin == .returned && done.insert(key).inserted {
                guard (current?.rank ?? 0) < ReviewState.submitted.rank else {
                    notes.append(.returnedAfterSubmission(file: document.original, leader: document.leader))
                    continue
                }
                try Trail.append(
                    db, year: document.year, leader: document.leader, state: .returned, actor: actor,
                    note: document.original, report: document.digest.sha256)
            }
        }
        return notes
    }
}
