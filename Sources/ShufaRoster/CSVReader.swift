/// Reads delimited text (CSV, TSV) as RFC 4180 describes it and spreadsheet programs write it:
/// fields separated by the delimiter, records by CR LF, LF or CR; a field in double quotes may hold
/// delimiters, line breaks and doubled quotes (`""` for `"`). A quote inside an unquoted field is kept as
/// it is, and text after a closing quote is appended, as spreadsheet programs do.
///
/// Each record is one spreadsheet row, even when a quoted field spans several lines, so row numbers match
/// what a spreadsheet program shows.
struct CSVReader {
    let delimiter: UInt8
    let file: String

    private static let quote = UInt8(ascii: "\""), cr: UInt8 = 13, lf: UInt8 = 10

    /// Decodes `data` (encoding detected, or `encoding`) and splits it into rows.
    func grid(_ data: [UInt8], encoding: TextEncoding?) throws(RosterError) -> CellGrid {
        let text = try decode(data, encoding: encoding)
        return try grid(utf8: Array(text.utf8))
    }

    private func decode(_ data: [UInt8], encoding: TextEncoding?) throws(RosterError) -> String {
        let text: String
        if let encoding {
            guard let decoded = encoding.decode(data) else {
                throw RosterError(file: file, .notInEncoding(encoding))
            }
            text = decoded
        } else {
            guard let (decoded, _) = TextEncoding.detectAndDecode(data) else {
                throw RosterError(file: file, .undetectedEncoding)
            }
            text = decoded
        }
        if text.utf8.contains(0) {
            throw RosterError(file: file, .nulBytes)
        }
        return text
    }

    /// Splits UTF-8 text into rows of cells.
    func grid(utf8 bytes: [UInt8]) throws(RosterError) -> CellGrid {
        var grid = CellGrid()
        var state = ParseState()
        var index = 0
        while index < bytes.count {
            index = try step(bytes, at: index, &state, &grid)
        }
        if state.inQuotes {
            throw RosterError(file: file, .unclosedQuote(row: state.quoteRow))
        }
        if state.hasContent { try finishRow(&state, &grid) }
        return grid
    }

    /// The state between two bytes.
    private struct ParseState {
        var cells: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        /// The field started with a quote (so it is not trimmed of anything and may span lines).
        var fieldQuoted = false
        var row = 1
        var quoteRow = 1
        /// The current record has at least a delimiter or a character.
        var hasContent = false
    }

    /// Consumes the byte at `index` (two for a doubled quote or CR LF); returns the next index.
    private func step(
        _ bytes: [UInt8], at index: Int, _ state: inout ParseState, _ grid: inout CellGrid
    ) throws(RosterError) -> Int {
        let byte = bytes[index]
        let next = index + 1 < bytes.count ? bytes[index + 1] : nil
        if state.inQuotes {
            guard byte == Self.quote else { state.field.append(byte); return index + 1 }
            if next == Self.quote { state.field.append(Self.quote); return index + 2 }
            state.inQuotes = false
            return index + 1
        }
        switch byte {
        case Self.quote where state.field.isEmpty && !state.fieldQuoted:
            state.inQuotes = true
            state.fieldQuoted = true
            state.quoteRow = state.row
            state.hasContent = true
        case delimiter:
            finishField(&state)
            state.hasContent = true
        case Self.cr, Self.lf:
            if state.hasContent { try finishRow(&state, &grid) }
            state.row += 1
            return byte == Self.cr && next == Self.lf ? index + 2 : index + 1
        default:
            state.field.append(byte)
            state.hasContent = true
        }
        return index + 1
    }

    private func finishField(_ state: inout ParseState) {
        state.cells.append(CellGrid.normalizingLineBreaks(String(decoding: state.field, as: UTF8.self)))
        state.field.removeAll(keepingCapacity: true)
        state.fieldQuoted = false
    }

    private func finishRow(_ state: inout ParseState, _ grid: inout CellGrid) throws(RosterError) {
        finishField(&state)
        try grid.append(number: state.row, cells: state.cells, file: file)
        state.cells.removeAll(keepingCapacity: true)
        state.hasContent = false
    }
}
