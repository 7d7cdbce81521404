import Foundation
import ShufaKit

/// Reads a tally input file, either form, with the roster readers' machinery: the entry workbook
/// (one row per leader and 评价主体) or ballots one per row; the form is told by the header row.
public struct TallyInputReader: Sendable {
    public let rules: TallyRules
    /// The roster, when given: it says who the leaders are (needed for ballot files).
    public let roster: Roster?
    /// The sheet to read; the first when nil.
    public let sheet: String?

    /// How many rows may stand above the header row (a title).
    static let headerSearchRows = 10

    public init(rules: TallyRules, roster: Roster?, sheet: String? = nil) {
        self.rules = rules
        self.roster = roster
        self.sheet = sheet
    }

    public func read(_ url: URL) throws(TallyError) -> TallyInput {
        let data: Data
        do { data = try RegularFile.read(url, limit: RosterReader.maximumFileBytes) } catch {
            throw .unreadable(file: url.lastPathComponent, reason: error.description)
        }
        return try read(data, file: url.lastPathComponent)
    }

    /// Reads the file `file` held in `data`.
    public func read(_ data: Data, file: String) throws(TallyError) -> TallyInput {
        let sheetRows: SheetRows
        do { sheetRows = try SheetRows.read(data, file: file, sheet: sheet) } catch {
            throw .unreadable(file: file, reason: error.message)
        }
        let rows = sheetRows.rows
        let location = SheetLocation(file: file, sheet: sheetRows.sheet)
        guard let headerIndex = rows.prefix(Self.headerSearchRows).firstIndex(where: Self.isHeader) else {
            throw .unknownLayout(file: file, rows: Self.headerSearchRows)
        }
        let columns = HeaderColumns(rows[headerIndex], location: location)
        let body = rows[(headerIndex + 1)...]
        let title = rows[..<headerIndex].flatMap(\.cells).joined(separator: " ")
        if columns.has(EntryColumns.ballot) {
            try require(BallotSheetReader.required, in: columns, file: file)
            guard let roster else { throw .rosterNeeded(file: file) }
            let (leaders, problems) = BallotSheetReader(rules: rules, roster: roster, columns: columns).read(body)
            return input(.ballots, leaders, problems, title: title)
        }
        try require(GroupSheetReader.required(rules: rules, roster: roster), in: columns, file: file)
        let (leaders, problems) = GroupSheetReader(rules: rules, roster: roster, columns: columns).read(body)
        return input(.groups, leaders, problems, title: title)
    }

    private func require(_ names: [String], in columns: HeaderColumns, file: String) throws(TallyError) {
        let missing = columns.missing(names)
        guard missing.isEmpty else { throw .missingColumns(file: file, row: columns.row, columns: missing) }
    }

    /// A header row of either form: it names the 评价主体 and either 收回票数 or 票号.
    private static func isHeader(_ row: SheetRows.Row) -> Bool {
        let names = Set(row.cells.map(HeaderColumns.clean))
        return names.contains(EntryColumns.subject)
            && (names.contains(EntryColumns.returned) || names.contains(EntryColumns.ballot))
    }

    private func input(
        _ form: TallyInput.Form, _ leaders: [RatedLeader], _ problems: [TallyProblem], title: String
    ) -> TallyInput {
        let year = roster?.year ?? Self.year(in: title)
        let organization = roster?.organization ?? Self.organization(in: title)
        return TallyInput(form: form, organization: organization, year: year, leaders: leaders, problems: problems)
    }

    /// The year of a title like 「示例县2025年度述法测评录入表」.
    static func year(in title: String) -> Int? {
        guard let range = title.range(of: #"(19|20|21)\d\d(?=年)"#, options: .regularExpression) else { return nil }
        return Int(title[range])
    }

    /// The organisation of such a title: the text before the year.
    static func organization(in title: String) -> String {
        guard let range = title.range(of: #"(19|20|21)\d\d年"#, options: .regularExpression) else { return "" }
        return title[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
    }
}
