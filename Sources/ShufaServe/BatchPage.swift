import ShufaKit

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
