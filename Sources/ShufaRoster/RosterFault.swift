import ShufaODF
import ShufaSystem

/// What is wrong with a roster file, a row or a field, with where it is; rendered in Chinese by
/// `RosterMessages`, as `RosterError.message` (the whole file cannot be read) or `RosterProblem.message`
/// (one record is left out, or used with a warning).
public enum RosterFault: Error, Sendable, Equatable, CustomStringConvertible {
    // MARK: The file

    /// The file cannot be read (a folder, a FIFO, a device, missing, too large).
    case file(RegularFile.Problem)
    /// The extension is none of the roster formats (the extension).
    case unknownFormat(String)
    case empty
    /// `--encoding` given for a file that is not delimited text (the format).
    case encodingNotApplicable(RosterFormat)
    /// `--sheet` given for a file that has no sheets (the format).
    case sheetNotApplicable(RosterFormat)
    /// Not a table file (for readers of tables other than rosters).
    case notTable

    // MARK: JSON and YAML

    /// YAML or JSON that does not parse, at a line and column, and why.
    case syntax(format: String, line: Int, column: Int, reason: SyntaxReason)
    /// Collections nested deeper than any roster needs.
    case tooDeep(line: Int, limit: Int)
    /// YAML aliases that would expand the file past what it could hold written out.
    case aliasExpansion(line: Int, limit: Int)
    /// A YAML mapping key that is a list, a mapping or an alias, not a plain value.
    case complexKey(line: Int)
    /// A key given twice in one object or mapping.
    case duplicateKey(String, line: Int)
    /// Two keys of one record or of the roster that mean the same field (`姓名` and `name`).
    case sameField([String])
    /// A YAML file that is not UTF-8 text.
    case notUTF8YAML
    /// The top level is not an object with `year` and `leaders`.
    case notRosterObject
    /// `year` (年度) is missing or not a year in `years`.
    case noYear(years: ClosedRange<Int>)
    /// `leaders` is missing or not a list.
    case noLeaderList

    // MARK: Delimited text

    /// Not valid text in the encoding `--encoding` names.
    case notInEncoding(TextEncoding)
    /// Neither UTF-8 nor GB18030/GBK.
    case undetectedEncoding
    /// NUL bytes: binary data, or UTF-16 without a byte order mark.
    case nulBytes
    /// A quoted field opened on `row` is never closed.
    case unclosedQuote(row: Int)

    // MARK: Spreadsheets

    /// A spreadsheet's archive: not one (with a guess at what it is), or one that cannot be opened.
    case notAnArchive(SpreadsheetKind, guess: ArchiveGuess)
    case damagedArchive
    /// A part of the archive that cannot be unpacked.
    case part(ODFParts.ReadError)
    /// XML that does not parse (the part, when in a package; the parser's words).
    case damagedXML(part: String?, detail: String)
    /// An OpenDocument file of another type (its mimetype).
    case notSpreadsheet(mimetype: String?)
    /// A package without `content.xml`.
    case noSpreadsheetContent
    /// An XLSX file without its workbook part (the part's name).
    case noWorkbook(String)
    /// The workbook names a sheet part the archive does not have.
    case missingSheetPart(String)
    /// A worksheet part without `sheetData`.
    case noSheetData
    /// A cell (its reference) refers to a shared string that does not exist.
    case missingSharedString(cell: String)
    /// The workbook lists no sheet.
    case noSheets
    /// `--sheet` names no sheet of the file (the name, the sheets there are).
    case unknownSheet(String, sheets: [String])
    /// A spreadsheet part holding more markup than a roster can (elements, attributes and texts).
    case tooMuchMarkup(part: String, limit: Int)
    /// A spreadsheet element with more attributes than any spreadsheet program writes.
    case tooManyAttributes(part: String, limit: Int)
    /// A sheet whose rows, counted to their last cell with data, hold more cells than a roster can.
    case tooManyCells(limit: Int)
    /// More rows with data than a roster can have.
    case tooManyRows(limit: Int)
    /// A row with data beyond the last column a roster can use.
    case tooManyColumns(row: Int, limit: Int)
    /// An XLSX row number that is not a number in the sheet's range (1 to `limit`).
    case badRowNumber(String, limit: Int)

    // MARK: Tables

    /// The sheet has no row with data.
    case noRows
    /// None of the first rows names two roster fields.
    case noHeader(searchedRows: Int)
    /// Two columns (letters) of the header row give the same field (its label).
    case sameColumn(String, String, row: Int, field: String)
    /// The header row lacks columns for these fields (labels).
    case missingColumns(row: Int, fields: [String])
    /// No row gives a year in `years`.
    case noYearColumn(years: ClosedRange<Int>)
    /// Rows with data above the header row were not read.
    case rowsAboveHeader(count: Int, headerRow: Int)
    /// A column with values and no header: ignored.
    case unnamedColumn
    /// An `indicators` (指标) column in a table: ignored.
    case indicatorsColumn
    /// A column that names no field and holds no numbers (its letters): ignored.
    case ignoredColumn(String)
    /// Characters XML forbids removed from a header.
    case controlCharactersInHeader(Int)

    // MARK: Records and fields

    /// A list item that is not an object.
    case notARecord
    /// An id given to an earlier record too (where).
    case duplicateID(String, first: RecordLocation)
    /// A role the catalog does not know, and the closest one that it does.
    case unknownRole(String, suggestion: String?)
    /// A required field missing or empty.
    case missing
    /// A row without the year.
    case noYearInRecord(expected: Int)
    /// A record giving another year than the roster's.
    case otherYear(Int, expected: Int)
    /// A year that is not a year in `years`.
    case badYear(String, years: ClosedRange<Int>, expected: Int)
    /// A record giving another organisation than the roster's: the roster's is used.
    case otherOrganization(String, roster: String)
    /// Characters XML forbids removed from a field.
    case controlCharacters(Int)
    /// A value where text belongs.
    case notText
    /// `indicators` that is not a map.
    case notIndicatorMap
    /// An indicator value that is not a number of zero or more.
    case badIndicator(String)
    /// A number too large to be written exactly (in a text field: give it as text).
    case inexactNumber(String)
    /// An indicator value beyond any count or hours a leader reports.
    case indicatorTooLarge(String, limit: Double)
    /// A text field longer than its limit, in characters and Unicode scalars.
    case tooLong(characters: Int, scalars: Int, limit: Int)
    /// The roster file became unreadable while it was read a piece at a time.
    case changedWhileReading

    public var description: String { RosterMessages.text(self) }
}
