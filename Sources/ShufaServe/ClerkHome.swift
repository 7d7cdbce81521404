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
