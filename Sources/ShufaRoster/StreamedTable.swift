import Foundation

/// A UTF-8 CSV or TSV roster read from disk a piece at a time, never held whole: a batch of 100,000 leaders
/// keeps one chunk of the file and one piece of leaders in memory.
///
/// The file is read twice. The first reading (`open`) finds what the whole table decides: the header row, what
/// each column holds (a column is an indicator when any row gives it a number), the roster's year and
/// organisation (the most common ones); it keeps none of the rows. The second reading hands out the leaders
/// `next(_:)` asks for, each row checked as `TableRoster` checks it, so the leaders and problems are the same, in
/// the same order, as reading the file whole. A file that is not plain UTF-8, or that has no header in its first
/// rows, or any other fault the whole reading reports, is left to the whole reading (`open` returns nil), which
/// says what is wrong. A file changed between the readings stops the batch's roster with `changedWhileReading`.
struct StreamedTable: RosterSource {
    private let survey: TableSurvey
    private let table: TableRoster
    private let columns: TableColumns
    private var file: ChunkedFile?
    private var parser: CSVReader.Parser
    private var grid = CellGrid()
    private var pending: ArraySlice<CellGrid.Row> = []
    private var validator: RecordValidator
    private var notesGiven = false
    private var ended = false
    private(set) var failure: RosterError?

    var organization: String { survey.organization }
    var year: Int { survey.year }

    /// The roster at `url`, surveyed and ready to be read a piece at a time; nil when it must be read whole.
    /// - Parameter chunkSize: the bytes read at a time.
    static func open(_ url: URL, reader: RosterReader, format: RosterFormat,
                     chunkSize: Int = 1 << 20) throws(RosterError) -> (any RosterSource)? {
        guard reader.options.encoding == nil || reader.options.encoding == .utf8, reader.options.sheet == nil else {
            return nil
        }
        let csv = CSVReader(delimiter: UInt8(ascii: format == .csv ? "," : "\t"), file: url.lastPathComponent)
        let table = TableRoster(vocabulary: reader.vocabulary, file: url.lastPathComponent)
        guard let survey = TableSurvey(url, csv: csv, table: table, chunkSize: chunkSize),
              let columns = try? TableColumns(header: survey.header, stats: survey.stats, file: table.file,
                                              indicatorNames: table.vocabulary.indicators)
        else { return nil }
        return StreamedTable(survey: survey, csv: csv, table: table, columns: columns)
    }

    private init(survey: TableSurvey, csv: CSVReader, table: TableRoster, columns: TableColumns) {
        self.survey = survey
        self.table = table
        self.columns = columns
        parser = CSVReader.Parser(csv)
        validator = RecordValidator(vocabulary: table.vocabulary, year: survey.year, organization: survey.organization,
                                    labels: columns.labels)
        file = ChunkedFile(survey.url, expecting: survey.identity, chunkSize: survey.chunkSize)
        if file == nil { fail() }
    }

    mutating func next(_ limit: Int) -> (leaders: [Leader], problems: [RosterProblem])? {
        var problems: [RosterProblem] = []
        if !notesGiven {
            notesGiven = true
            problems = table.notes(columns, rows: survey.firstRows, headerIndex: survey.firstRows.count - 1)
        }
        var leaders: [Leader] = []
        while leaders.count < limit {
            var rows: [CellGrid.Row] = []
            while rows.count < limit - leaders.count, let row = nextRow() {
                if columns.hasData(row.cells) { rows.append(row) }
            }
            guard !rows.isEmpty else { break }
            validator.add(
                contentsOf: rows.map { columns.record($0.cells) },
                at: rows.map { RecordLocation(file: table.file, row: $0.number, unit: "row") }, normalized: true)
            let found = validator.take()
            leaders += found.leaders
            problems += found.problems
        }
        if leaders.isEmpty && problems.isEmpty && ended { return nil }
        return (leaders, problems)
    }

    /// The next row below the header, reading the next chunk when the rows read are used up.
    private mutating func nextRow() -> CellGrid.Row? {
        while pending.isEmpty {
            guard !ended, var reading = file else { return nil }
            let chunk = reading.next()
            file = reading
            do { try parser.feed(chunk ?? [], final: chunk == nil, into: &grid) } catch {
                fail()
                return nil
            }
            pending = grid.takeRows().drop { $0.number <= survey.header.number }
            if chunk == nil {
                ended = true
                if !reading.isComplete { fail() }
            } else if reading.failed {
                fail()
            }
        }
        return pending.popFirst()
    }

    private mutating func fail() {
        ended = true
        pending = []
        failure = RosterError(file: table.file, .changedWhileReading)
    }

    /// A new source for the same roster from its first row (the survey is not repeated).
    func restarted() -> (any RosterSource)? {
        StreamedTable(survey: survey, csv: parser.reader, table: table, columns: columns)
    }
}
