import ShufaKit

/// A roster's bad rows and its leaders, with the button that builds the batch.
struct RosterPage {
    var frame: PageFrame
    var roster: RosterSummary
    var problems: [Problem]
    var hasProblems: Bool
    var leaders: [LeaderEntry]

    struct Problem {
        var severity: String
        var severityClass: String
        var row: String
        var column: String
        var leader: String
        var message: String
    }

    init(frame: PageFrame, roster: RosterRecord) {
        self.frame = frame
        self.roster = RosterSummary(roster)
        problems = roster.problems.map(Self.problem)
        hasProblems = !problems.isEmpty
        leaders = roster.leaders
    }

    static func problem(_ row: ProblemRow) -> Problem {
        Problem(
            severity: row.isError ? "错误" : "提醒", severityClass: row.isError ? "sev-error" : "sev-warning", row: row.row,
            column: row.column, leader: row.leader, message: row.message)
    }
}
