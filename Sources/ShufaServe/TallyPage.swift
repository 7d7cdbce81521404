import ShufaKit

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
