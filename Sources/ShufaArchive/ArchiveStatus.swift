import Foundation
import GRDB

/// One unit's line of `shufa status`: how far its leaders' reports have come.
public struct UnitStatus: Sendable, Codable, Equatable {
    public var unit: String
    /// Leaders the archive knows in the unit.
    public var leaders: Int
    /// Leaders whose draft went out (下发草稿), whose report came back (已交回), whose last returned report
    /// passes the checks (no error), whose report is 审核 or 审定, 报送, 归档.
    public var draftsOut: Int
    public var returned: Int
    public var passing: Int
    public var reviewed: Int
    public var submitted: Int
    public var archived: Int
    /// Leaders per grade (优秀, 良好, …), as the tally recorded.
    public var grades: [String: Int]

    init(unit: String) {
        self.unit = unit
        leaders = 0
        draftsOut = 0
        returned = 0
        passing = 0
        reviewed = 0
        submitted = 0
        archived = 0
        grades = [:]
    }

    mutating func count(_ leader: LeaderProgress) {
        leaders += 1
        let rank = leader.state?.rank ?? 0
        if rank >= ReviewState.draft.rank { draftsOut += 1 }
        if rank >= ReviewState.returned.rank { returned += 1 }
        if leader.returnedErrors == 0 { passing += 1 }
        if rank >= ReviewState.reviewed.rank { reviewed += 1 }
        if rank >= ReviewState.submitted.rank { submitted += 1 }
        if rank >= ReviewState.archived.rank { archived += 1 }
        if let grade = leader.grade { grades[grade, default: 0] += 1 }
    }
}

/// `shufa status`: per unit of a year, and in all.
public struct StatusReport: Sendable, Codable, Equatable {
    public var year: Int
    public var units: [UnitStatus]
    public var total: UnitStatus
}

/// Where each leader's report stands, for the status table.
struct LeaderProgress {
    var unit: String
    var state: ReviewState?
    /// The errors of the last report the leader returned; nil when none came back.
    var returnedErrors: Int?
    var grade: String?
}

/// Counts the status table from the trail, the returned reports' checks and the grades.
public struct ArchiveStatus: Sendable {
    public let archive: DocumentArchive

    public init(archive: DocumentArchive) { self.archive = archive }

    /// The status of `year` (the latest year archived when nil), of the units whose name contains `unit`.
    /// Leaders known only from a tally (no document of theirs archived) are not counted.
    public func report(year: Int? = nil, unit: String? = nil) throws(ArchiveError) -> StatusReport {
        try archive.read { db in
            guard let year = try year ?? Int.fetchOne(db, sql: "SELECT max(year) FROM leader") else {
                throw ArchiveError.nothingArchived(year: nil)
            }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT l.unit, l.grade,
                        (SELECT state FROM trail t WHERE t.year = l.year AND t.leader = l.id
                         ORDER BY t.id DESC LIMIT 1) AS state,
                        (SELECT coalesce(errors, 0) FROM document d
                         WHERE d.year = l.year AND d.leader = l.id AND d.origin = 'returned'
                         ORDER BY d.id DESC LIMIT 1) AS returnedErrors
                    FROM leader l WHERE l.year = ? AND \(LeaderLookup.known) AND (? IS NULL OR instr(l.unit, ?))
                    ORDER BY l.rowid
                    """, arguments: [year, unit, unit])
            guard !rows.isEmpty else { throw ArchiveError.nothingArchived(year: year) }
            var units: [UnitStatus] = []
            var total = UnitStatus(unit: "合计")
            for row in rows {
                let progress = LeaderProgress(
                    unit: row["unit"], state: (row["state"] as String?).flatMap(ReviewState.init(rawValue:)),
                    returnedErrors: row["returnedErrors"], grade: row["grade"])
                if let index = units.firstIndex(where: { $0.unit == progress.unit }) {
                    units[index].count(progress)
                } else {
                    var line = UnitStatus(unit: progress.unit)
                    line.count(progress)
                    units.append(line)
                }
                total.count(progress)
            }
            return StatusReport(year: year, units: units, total: total)
        }
    }
}
