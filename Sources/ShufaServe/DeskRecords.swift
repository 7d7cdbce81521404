import ShufaKit

/// The roster in use: which upload, what it holds, and its bad rows.
struct RosterRecord: Codable, Sendable {
    var upload: StoredUpload
    var organization: String
    var year: Int
    var leaders: [LeaderEntry]
    var problems: [ProblemRow]
    var by: String
    var at: String

    var errors: Int { problems.filter(\.isError).count }
    func leader(_ id: String) -> LeaderEntry? { leaders.first { $0.id == id } }
}

/// A leader of the roster, as pages list them.
struct LeaderEntry: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var unit: String
    var position: String
    var role: String

    init(id: String, name: String, unit: String, position: String, role: String) {
        self.id = id
        self.name = name
        self.unit = unit
        self.position = position
        self.role = role
    }

    init(_ leader: Leader) {
        id = leader.id
        name = leader.name
        unit = leader.unit
        position = leader.position
        role = leader.role
    }
}

/// A problem of a roster row (or of the batch), as the table shows it: row, column, leader and message.
struct ProblemRow: Codable, Sendable, Equatable {
    var isError: Bool
    var row: String
    var column: String
    var leader: String
    var message: String

    init(_ problem: RosterProblem) {
        isError = problem.severity == .error
        row = problem.location.map { "\($0.row)" } ?? ""
        column = problem.field ?? ""
        leader = problem.leader ?? ""
        message = problem.message
    }
}

/// The batch built from the roster: every file offered, and what went wrong.
struct BatchRecord: Codable, Sendable {
    var year: Int
    var organization: String
    var files: [DeskFile]
    var problems: [ProblemRow]
    var checkErrors: Int
    var checkWarnings: Int
    /// Why no PDFs were made, when none were (LibreOffice missing…).
    var printProblem: String?
    /// Documents LibreOffice could not convert.
    var printFailures: [String]
    var by: String
    var at: String
}

/// A leader's returned reports, newest last.
struct LeaderRecord: Codable, Sendable {
    var leader: String
    var returns: [ReturnedReport]
}

/// One returned report: the file, what the checks found, its outline, and the final report made from it.
struct ReturnedReport: Codable, Sendable {
    var file: DeskFile
    var at: String
    var by: String
    var role: String?
    var form: String?
    var findings: [FindingRow]
    var outline: [OutlineRow]
    var issues: [IssueRow]
    var final: DeskFile?
    /// Why no final report was made from it.
    var finalProblem: String?

    var errors: Int { findings.filter { $0.severity == "error" }.count }
    var warnings: Int { findings.filter { $0.severity == "warning" }.count }
}

/// A finding of the checks, with the paragraph it points at when it names one.
struct FindingRow: Codable, Sendable, Equatable {
    var severity: String
    var rule: String
    var message: String
    var location: String
    var paragraph: Int?
}

/// A paragraph of a returned report, as the outline beside the findings shows it.
struct OutlineRow: Codable, Sendable, Equatable {
    var index: Int
    var text: String
    /// 1 for a top-level item (「一、」), 2 and more below it; nil for body text.
    var level: Int?
}

/// What extracting the leader's text from the report could not do cleanly.
struct IssueRow: Codable, Sendable, Equatable {
    var isError: Bool
    var message: String
    var paragraphs: [Int]
}

/// The tally of a filled 测评录入表.
struct TallyRecord: Codable, Sendable {
    var upload: StoredUpload
    var by: String
    var at: String
    var year: Int?
    var leaders: [TallyRow]
    var series: [SeriesRow]
    var problems: [String]
    var errors: Int
    var files: [DeskFile]
}

/// One leader's line of the tally.
struct TallyRow: Codable, Sendable, Equatable {
    var rank: Int
    var id: String
    var name: String
    var unit: String
    var series: String
    var composite: String
    var grade: String
    var rule: String
}

/// One 考核序列: how its quotas were used, and its bar of the chart.
struct SeriesRow: Codable, Sendable, Equatable {
    var name: String
    var leaders: Int
    var quotaUse: [String]
    var counts: [GradeCount]
}

/// How many leaders of a series got a grade.
struct GradeCount: Codable, Sendable, Equatable {
    var grade: String
    var count: Int
}
