import ShufaKit

/// The clerk's desk: the roster in use, building, the batch, the tally.
struct ClerkHome {
    var frame: PageFrame
    var hasRoster: Bool
    var roster: RosterSummary
    var rosterAccept: String
    var tallyAccept: String
    var jobRunning: Bool
    var jobLink: String
    var hasBatch: Bool
    var batchYear: Int
    var batchDocuments: Int
    var batchPDFs: Int
    var batchAt: String
    var batchBy: String
    var entryWorkbooks: [FileLink]
    var hasEntryWorkbooks: Bool
    var hasTally: Bool
    var tallyAt: String
    var tallyLeaders: Int

    init(desk: Desk, signed: Signed, job: JobStatus?) {
        frame = PageFrame(title: "工作台", signed: signed, current: "/clerk")
        let roster = desk.state.roster
        hasRoster = roster != nil
        self.roster = RosterSummary(roster)
        rosterAccept = FileType.Purpose.roster.acceptAttribute
        tallyAccept = FileType.Purpose.tally.acceptAttribute
        jobRunning = job != nil
        jobLink = job.map { "/clerk/jobs/\($0.id)" } ?? ""
        let batch = desk.state.batch
        hasBatch = batch != nil
        batchYear = batch?.year ?? 0
        batchDocuments =
            batch?.files.filter { $0.format != "pdf" && !["zip", "combined"].contains($0.kind) }.count ?? 0
        batchPDFs = batch?.files.filter { $0.format == "pdf" }.count ?? 0
        batchAt = batch.map { DeskClock.shown($0.at) } ?? ""
        batchBy = batch?.by ?? ""
        entryWorkbooks = (batch?.files ?? []).filter { $0.kind == DocumentKind.tally.rawValue }.map(FileLink.init)
        hasEntryWorkbooks = !entryWorkbooks.isEmpty
        let tally = desk.state.tally
        hasTally = tally != nil
        tallyAt = tally.map { DeskClock.shown($0.at) } ?? ""
        tallyLeaders = tally?.leaders.count ?? 0
    }
}

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

/// A job's progress (followed by server-sent events) or its outcome.
struct JobPage {
    var frame: PageFrame
    var id: String
    var stage: String
    var done: Int
    var total: Int
    var finished: Bool
    var failed: Bool
    var message: String

    init(frame: PageFrame, status: JobStatus) {
        self.frame = frame
        id = status.id
        stage = status.stage
        done = status.done
        total = max(status.total, 1)
        finished = status.finished
        failed = status.failed
        message = status.message
    }
}

/// The batch's files: per unit, a row per leader with a column per kind; the combined print files, the
/// ZIPs, the problems.
struct BatchPage {
    var frame: PageFrame
    var year: Int
    var kinds: [String]
    var units: [Unit]
    var combined: [FileLink]
    var zips: [FileLink]
    var problems: [RosterPage.Problem]
    var hasProblems: Bool
    var checkErrors: Int
    var checkWarnings: Int
    var printProblem: String
    var hasPrintProblem: Bool
    var printFailures: [String]

    struct Unit {
        var name: String
        var rows: [Row]
    }

    struct Row {
        var label: String
        var cells: [Cell]
    }

    struct Cell {
        var links: [FileLink]
    }

    /// The kinds shown as columns, in order.
    static let columns: [DocumentKind] = [.draft, .report, .form, .tasklist, .ballot]

    init(signed: Signed, batch: BatchRecord, roster: RosterRecord?) {
        frame = PageFrame(title: "\(batch.year)年度文书", signed: signed, current: "/clerk/batch")
        year = batch.year
        kinds = Self.columns.map(\.chineseName)
        let documents = batch.files.filter { Self.columns.map(\.rawValue).contains($0.kind) }
        var unitNames: [String] = []
        for file in documents where !unitNames.contains(file.unit) { unitNames.append(file.unit) }
        let names = Dictionary((roster?.leaders ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        units = unitNames.map { unit in
            let files = documents.filter { $0.unit == unit }
            var leaders: [String] = []
            for file in files { if let leader = file.leader, !leaders.contains(leader) { leaders.append(leader) } }
            var rows = leaders.map { leader in
                Row(label: "\(leader) \(names[leader] ?? "")", cells: Self.cells(files.filter { $0.leader == leader }))
            }
            let unitFiles = files.filter { $0.leader == nil }
            if !unitFiles.isEmpty { rows.append(Row(label: "（本单位）", cells: Self.cells(unitFiles))) }
            return Unit(name: unit, rows: rows)
        }
        combined = batch.files.filter { $0.kind == "combined" }.map(FileLink.init)
        zips = batch.files.filter { $0.kind == "zip" }.map(FileLink.init)
        problems = batch.problems.map(RosterPage.problem)
        hasProblems = !problems.isEmpty
        checkErrors = batch.checkErrors
        checkWarnings = batch.checkWarnings
        printProblem = batch.printProblem ?? ""
        hasPrintProblem = batch.printProblem != nil
        printFailures = batch.printFailures
    }

    private static func cells(_ files: [DeskFile]) -> [Cell] {
        columns.map { kind in
            Cell(links: files.filter { $0.kind == kind.rawValue }.sorted { $0.format > $1.format }.map(FileLink.init))
        }
    }
}

/// The tally: the upload form, the grades, the quota use and chart, the files to download.
struct TallyPage {
    var frame: PageFrame
    var accept: String
    var entryWorkbooks: [FileLink]
    var hasEntryWorkbooks: Bool
    var hasTally: Bool
    var name: String
    var at: String
    var by: String
    var leaders: [TallyRow]
    var series: [SeriesView]
    var problems: [String]
    var hasProblems: Bool
    var files: [FileLink]

    struct SeriesView {
        var name: String
        var leaders: Int
        var quotaUse: String
        var chart: GradeChartView
    }

    init(signed: Signed, tally: TallyRecord?, batch: BatchRecord?) {
        frame = PageFrame(title: "测评统计", signed: signed, current: "/clerk/tally")
        accept = FileType.Purpose.tally.acceptAttribute
        entryWorkbooks = (batch?.files ?? []).filter { $0.kind == DocumentKind.tally.rawValue }.map(FileLink.init)
        hasEntryWorkbooks = !entryWorkbooks.isEmpty
        hasTally = tally != nil
        name = tally?.upload.name ?? ""
        at = tally.map { DeskClock.shown($0.at) } ?? ""
        by = tally?.by ?? ""
        leaders = tally?.leaders ?? []
        series = (tally?.series ?? []).map {
            SeriesView(
                name: $0.name, leaders: $0.leaders, quotaUse: $0.quotaUse.joined(separator: "；"),
                chart: GradeChartView($0.counts))
        }
        problems = tally?.problems ?? []
        hasProblems = !problems.isEmpty
        files = (tally?.files ?? []).filter { $0.leader == nil }.map(FileLink.init)
    }
}
