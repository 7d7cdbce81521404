import Foundation
import GRDB

/// One step of the review trail (审核/审定 记录): who moved whose report where, when and why.
public struct TrailEntry: Sendable, Equatable, Codable {
    public var id: Int64
    public var year: Int
    public var leader: String
    public var state: ReviewState
    /// Who: a person, a 党委（党组）, or `shufa archive add` for steps the archive records itself.
    public var actor: String
    public var note: String
    /// The reason given with `--override`, when a refusal was overridden.
    public var override: String?
    /// The SHA-256 of the report the step concerns, when there is one.
    public var report: String?
    /// When (local time with offset).
    public var at: String
    /// The hash of the entry before (empty for the first) and of this one: the chain `verify` checks.
    public var previous: String
    public var hash: String

    /// The hash of an entry's content chained to the previous entry's hash.
    static func chainHash(
        previous: String, year: Int, leader: String, state: ReviewState, actor: String, note: String,
        override: String?, report: String?, at: String
    ) -> String {
        let fields = [previous, String(year), leader, state.rawValue, actor, note, override ?? "", report ?? "", at]
        return FileDigest.sha256(Data(fields.joined(separator: "\u{1F}").utf8))
    }

    var expectedHash: String {
        Self.chainHash(
            previous: previous, year: year, leader: leader, state: state, actor: actor, note: note,
            override: override, report: report, at: at)
    }

    init(row: Row) {
        id = row["id"]
        year = row["year"]
        leader = row["leader"]
        state = ReviewState(rawValue: row["state"]) ?? .draft
        actor = row["actor"]
        note = row["note"]
        override = row["override"]
        report = row["report"]
        at = row["at"]
        previous = row["previous"]
        hash = row["hash"]
    }
}

/// The trail in the index: append-only (triggers refuse UPDATE and DELETE), hash-chained.
enum Trail {
    /// The leader's current state: the last step recorded.
    static func current(_ db: Database, year: Int, leader: String) throws -> ReviewState? {
        let state = try String.fetchOne(
            db, sql: "SELECT state FROM trail WHERE year = ? AND leader = ? ORDER BY id DESC LIMIT 1",
            arguments: [year, leader])
        return state.flatMap(ReviewState.init(rawValue:))
    }

    /// Appends a step, chained to the last entry of the trail.
    @discardableResult
    static func append(
        _ db: Database, year: Int, leader: String, state: ReviewState, actor: String, note: String = "",
        override: String? = nil, report: String? = nil
    ) throws -> TrailEntry {
        let previous = try String.fetchOne(db, sql: "SELECT hash FROM trail ORDER BY id DESC LIMIT 1") ?? ""
        let at = ArchiveClock.now()
        let hash = TrailEntry.chainHash(
            previous: previous, year: year, leader: leader, state: state, actor: actor, note: note,
            override: override, report: report, at: at)
        try db.execute(
            sql: """
                INSERT INTO trail (year, leader, state, actor, note, override, report, at, previous, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [year, leader, state.rawValue, actor, note, override, report, at, previous, hash])
        let row = try Row.fetchOne(db, sql: "SELECT * FROM trail WHERE id = ?", arguments: [db.lastInsertedRowID])!
        return TrailEntry(row: row)
    }

    /// The entries of a year (every year when nil), in order.
    static func entries(_ db: Database, year: Int? = nil, leader: String? = nil) throws -> [TrailEntry] {
        var sql = "SELECT * FROM trail WHERE 1"
        var arguments: StatementArguments = []
        if let year {
            sql += " AND year = ?"
            arguments += [year]
        }
        if let leader {
            sql += " AND leader = ?"
            arguments += [leader]
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: arguments).map(TrailEntry.init(row:))
    }

    /// The actor the archive records for the steps it takes itself.
    static let archiveActor = "shufa archive add"
}
