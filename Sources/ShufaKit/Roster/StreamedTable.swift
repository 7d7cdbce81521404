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
/// says what is wrong. A file changed between the readings stops the batch's roster with `changedWhileRead`.
struct StreamedTable: RosterSource {
    private let survey: Survey
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
        let table = TableRoster(catalog: reader.catalog, file: url.lastPathComponent)
        guard let survey = Survey(url, csv: csv, table: table, chunkSize: chunkSize),
              let columns = try? TableColumns(header: survey.header, stats: survey.stats, file: table.file,
                                              indicatorNames: table.knownIndicators)
        else { return nil }
        return StreamedTable(survey: survey, csv: csv, table: table, columns: columns)
    }

    private init(survey: Survey, csv: CSVReader, table: TableRoster, columns: TableColumns) {
        self.survey = survey
        self.table = table
        self.columns = columns
        parser = CSVReader.Parser(csv)
        validator = RecordValidator(catalog: table.catalog, year: survey.year, organization: survey.organization,
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
        while leaders.count < limit, let row = nextRow() {
            guard columns.hasData(row.cells) else { continue }
            validator.add(columns.record(row.cells), at: RecordLocation(file: table.file, row: row.number, unit: "row"),
                          normalized: true)
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
        failure = RosterError(file: table.file, .changedWhileRead)
    }

    /// A new source for the same roster from its first row (the survey is not repeated).
    func restarted() -> (any RosterSource)? {
        StreamedTable(survey: survey, csv: parser.reader, table: table, columns: columns)
    }
}

/// What the first reading of a streamed table found.
private struct Survey {
    let url: URL
    let chunkSize: Int
    let identity: ChunkedFile.Identity
    /// The rows up to the header row, which is the last of them.
    let firstRows: [CellGrid.Row]
    let stats: ColumnStats
    let year: Int
    let organization: String

    var header: CellGrid.Row { firstRows[firstRows.count - 1] }

    /// Reads the whole file once; nil when it has to be read whole (not UTF-8, a NUL byte, no header, no year, a
    /// parse error, a limit passed).
    init?(_ url: URL, csv: CSVReader, table: TableRoster, chunkSize: Int) {
        guard var file = ChunkedFile(url, expecting: nil, chunkSize: chunkSize) else { return nil }
        var parser = CSVReader.Parser(csv)
        var grid = CellGrid()
        var validator = UTF8Check()
        var rows: [CellGrid.Row] = []
        /// The columns of the year and the organisation, once the header is found.
        var header: (year: Int?, organization: Int?)?
        var stats: ColumnStats?
        var years = Tally<Int>(), organizations = Tally<String>()
        var finished = false
        while !finished {
            let chunk = file.next()
            finished = chunk == nil
            guard !file.failed, validator.check(chunk) else { return nil }
            do { try parser.feed(chunk ?? [], final: finished, into: &grid) } catch { return nil }
            for row in grid.takeRows() {
                guard let (yearColumn, organizationColumn) = header else {
                    rows.append(row)
                    if TableRoster.isHeader(row.cells) {
                        header = (TableRoster.column("year", in: row), TableRoster.column("organization", in: row))
                        stats = ColumnStats(header: row)
                    } else if rows.count >= TableRoster.headerSearchRows {
                        return nil
                    }
                    continue
                }
                stats?.add(row.cells)
                if let year = TableRoster.year(in: row.cells, column: yearColumn) { years.add(year) }
                if let column = organizationColumn, column < row.cells.count {
                    let organization = row.cells[column].trimmingSpaces
                    if !organization.isEmpty { organizations.add(organization) }
                }
            }
        }
        guard header != nil, let stats, let year = years.mostCommon, file.isComplete else { return nil }
        self.url = url
        self.chunkSize = chunkSize
        identity = file.identity
        firstRows = rows
        self.stats = stats
        self.year = year
        organization = organizations.mostCommon ?? ""
    }
}

/// Counts values; the most common is the first seen among those counted most (as `TableRoster.mostCommon`).
private struct Tally<Value: Hashable> {
    private var counts: [Value: Int] = [:]
    private var order: [Value] = []

    mutating func add(_ value: Value) {
        if counts[value] == nil { order.append(value) }
        counts[value, default: 0] += 1
    }

    var mostCommon: Value? {
        var best: Value?
        for value in order where best == nil || counts[value]! > counts[best!]! { best = value }
        return best
    }
}

/// Checks that chunks of a file are UTF-8 text without NUL bytes and without a UTF-16 byte order mark, a
/// character cut between two chunks carried to the next.
private struct UTF8Check {
    private var carry: [UInt8] = []
    private var first = true

    /// False when `chunk` (nil: the end of the file) breaks the rule.
    mutating func check(_ chunk: [UInt8]?) -> Bool {
        guard let chunk else { return carry.isEmpty }
        if first {
            first = false
            if chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF]) { return false }
        }
        guard !chunk.contains(0) else { return false }
        let bytes = carry + chunk
        let cut = bytes.count - Self.incompleteTail(bytes)
        carry = Array(bytes[cut...])
        return String(validating: bytes[..<cut], as: UTF8.self) != nil
    }

    /// How many bytes at the end start a character that continues past them.
    private static func incompleteTail(_ bytes: [UInt8]) -> Int {
        for back in 1...min(3, bytes.count) {
            let byte = bytes[bytes.count - back]
            if byte & 0xC0 == 0x80 { continue }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            return length > back ? back : 0
        }
        return 0
    }
}

/// A roster file read in chunks, its UTF-8 byte order mark skipped; the descriptor is closed when the last copy
/// goes.
private struct ChunkedFile {
    /// What tells a file changed: device, inode, size, modification time.
    struct Identity: Equatable {
        var device: UInt64, inode: UInt64, size: Int, seconds: Int, nanoseconds: Int
    }

    private final class Descriptor {
        let value: Int32
        init(_ value: Int32) { self.value = value }
        deinit { close(value) }
    }

    private let descriptor: Descriptor
    let identity: Identity
    private let chunkSize: Int
    private(set) var offset = 0
    private(set) var failed = false

    /// Opens the file (a regular file within the roster size limit); nil when it cannot be, or when it is no
    /// longer the file `expecting` describes.
    init?(_ url: URL, expecting: Identity?, chunkSize: Int) {
        guard let (descriptor, status) = try? RegularFile.openChecked(url, limit: RosterReader.maximumFileBytes) else {
            return nil
        }
        self.descriptor = Descriptor(descriptor)
        self.chunkSize = chunkSize
        identity = Identity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int(status.st_size),
                            seconds: status.st_mtim.tv_sec, nanoseconds: status.st_mtim.tv_nsec)
        if let expecting, expecting != identity { return nil }
        var start = [UInt8](repeating: 0, count: 3)
        if pread(descriptor, &start, 3, 0) == 3 && start == [0xEF, 0xBB, 0xBF] { offset = 3 }
    }

    /// True when the whole file was read, and it is still the size it was.
    var isComplete: Bool { !failed && offset == identity.size }

    /// The next chunk; nil at the end of the file (or after a read error, which sets `failed`).
    mutating func next() -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var count = 0
        while count < chunk.count {
            let read = chunk.withUnsafeMutableBytes { pread(descriptor.value, $0.baseAddress! + count, $0.count - count,
                                                            off_t(offset)) }
            if read < 0 && errno == EINTR { continue }
            guard read >= 0 else { failed = true; return nil }
            if read == 0 { break }
            count += read
            offset += read
        }
        guard count > 0 else { return nil }
        chunk.removeLast(chunk.count - count)
        return chunk
    }
}
