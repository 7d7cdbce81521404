import Foundation
import ShufaText

/// What the first reading of a streamed table found.
struct TableSurvey {
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
        var years = ValueTally<Int>(), organizations = ValueTally<String>()
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
