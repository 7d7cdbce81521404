import ShufaKit

/// A roster in a line: its file, organization, year and counts.
struct RosterSummary {
    var name: String
    var organization: String
    var year: Int
    var leaders: Int
    var errors: Int
    var warnings: Int
    var by: String
    var at: String

    init(_ record: RosterRecord?) {
        name = record?.upload.name ?? ""
        organization = record?.organization ?? ""
        year = record?.year ?? 0
        leaders = record?.leaders.count ?? 0
        errors = record?.errors ?? 0
        warnings = (record?.problems.count ?? 0) - errors
        by = record?.by ?? ""
        at = record.map { DeskClock.shown($0.at) } ?? ""
    }
}
