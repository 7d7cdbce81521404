import Foundation
import GRDB

/// `shufa review`: one step of a leader's report, recorded in the trail when the seed allows it.
public struct ReviewRequest: Sendable {
    /// The leader's 编号 or 姓名, and the year (the latest the archive knows when nil).
    public var leader: String
    public var year: Int?
    public var target: ReviewState
    /// Who takes the step, why, and the reason for overriding a refusal that may be overridden.
    public var by: String
    public var note: String
    public var override: String?
    /// The account of the browser desk the step was taken through, recorded with `by` in the trail.
    public var account: String?

    public init(
        leader: String, year: Int?, target: ReviewState, by: String, note: String = "", override: String? = nil,
        account: String? = nil
    ) {
        self.leader = leader
        self.year = year
        self.target = target
        self.by = by
        self.note = note
        self.override = override
        self.account = account
    }
}

/// What a recorded step was: the entry, the leader, and the refusals its override set aside.
public struct ReviewOutcome: Sendable {
    public var entry: TrailEntry
    public var leader: LeaderInfo
    public var overridden: [ReviewRefusal]
}

/// Records review steps: checks them against `ReviewPolicy` and appends them to the trail, in one
/// transaction (so two clerks at once cannot both move the same report).
public struct Reviewer: Sendable {
    public let archive: DocumentArchive

    public init(archive: DocumentArchive) { self.archive = archive }

    public func record(_ request: ReviewRequest) throws(ArchiveError) -> ReviewOutcome {
        if let reason = request.override, reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw .emptyOverrideReason
        }
        return try archive.write { db in
            let leader = try LeaderLookup.find(request.leader, year: request.year, db: db)
            let policy = ReviewPolicy(
                leader: leader, current: try Trail.current(db, year: leader.year, leader: leader.id),
                report: try report(of: leader, db: db), reviewer: try identify(request, leader: leader, db: db))
            let refusals = policy.refusals(to: request.target)
            if let hard = refusals.first(where: { !$0.overridable }) { throw ArchiveError.refused(hard) }
            if let soft = refusals.first, request.override == nil { throw ArchiveError.refused(soft) }
            let concerns = [.reviewed, .approved, .submitted].contains(request.target) ? policy.report?.sha256 : nil
            let entry = try Trail.append(
                db, year: leader.year, leader: leader.id, state: request.target,
                actor: request.account.map { ArchiveMessages.actor(request.by, account: $0) } ?? request.by,
                note: request.note, override: request.override, report: concerns)
            return ReviewOutcome(entry: entry, leader: leader, overridden: refusals)
        }
    }

    /// The last report the leader returned, else the one shufa generated.
    private func report(of leader: LeaderInfo, db: Database) throws -> ReportSummary? {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT sha256, original, coalesce(errors, 0) AS errors FROM document
                WHERE year = ? AND leader = ? AND (origin = 'returned' OR (origin = 'build' AND kind = 'report'))
                ORDER BY origin = 'returned' DESC, id DESC LIMIT 1
                """, arguments: [leader.year, leader.id])
        return row.map { ReportSummary(sha256: $0["sha256"], original: $0["original"], errors: $0["errors"]) }
    }

    private func identify(_ request: ReviewRequest, leader: LeaderInfo, db: Database) throws -> ReviewerIdentity {
        let by = request.by.trimmingCharacters(in: .whitespacesAndNewlines)
        if request.target == .approved {
            return ["党委", "党组", "党工委"].contains(where: by.contains) ? .party : .notParty(by)
        }
        let people = try LeaderLookup.all(year: leader.year, db: db)
        if by == leader.id || by == leader.name { return .same(by) }
        let principals = people.filter {
            $0.unit == leader.unit && !$0.isTeamMember && !$0.role.isEmpty && $0.id != leader.id
        }
        if principals.contains(where: { $0.id == by || $0.name == by }) { return .principal }
        if let known = people.first(where: { $0.id == by || $0.name == by }) {
            return .member(by, role: known.role, unit: known.unit)
        }
        return .unknown(by, principals: principals.map(\.name))
    }
}

/// Finding leaders in the index.
enum LeaderLookup {
    /// The SQL condition on table `leader` (aliased `l`) for a leader known from a document of theirs, not
    /// only from a tally's grade.
    static let known = "(l.name <> '' OR l.unit <> '')"

    /// The leader with 编号 or 姓名 `query` in `year` (the latest year that has one when nil).
    static func find(_ query: String, year: Int?, db: Database) throws -> LeaderInfo {
        let text = query.trimmingCharacters(in: .whitespacesAndNewlines)
        var sql = "SELECT * FROM leader l WHERE \(known) AND (id = ? OR name = ?)"
        var arguments: StatementArguments = [text, text]
        if let year {
            sql += " AND year = ?"
            arguments += [year]
        }
        let found = try Row.fetchAll(db, sql: sql + " ORDER BY year DESC, id", arguments: arguments).map(info)
        guard let latest = found.first?.year else { throw ArchiveError.unknownLeader(query: text, year: year) }
        let candidates = found.filter { $0.year == latest }
        if let exact = candidates.first(where: { $0.id == text }) { return exact }
        guard candidates.count == 1 else {
            throw ArchiveError.ambiguousLeader(query: text, candidates: candidates.map { "\($0.year)年度 \($0.label)" })
        }
        return candidates[0]
    }

    /// Every leader of `year` known from their documents.
    static func all(year: Int, db: Database) throws -> [LeaderInfo] {
        try Row.fetchAll(db, sql: "SELECT * FROM leader l WHERE year = ? AND \(known) ORDER BY id", arguments: [year])
            .map(info)
    }

    static func info(_ row: Row) -> LeaderInfo {
        LeaderInfo(
            year: row["year"], id: row["id"], name: row["name"], unit: row["unit"], position: row["position"],
            role: row["role"], organization: row["organization"])
    }
}
