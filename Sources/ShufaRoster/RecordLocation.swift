/// Where a record stands in a roster file: the file and the row as the file's reader shows it
/// (a spreadsheet's row number with the header counted, or the record's position in a JSON/YAML list).
public struct RecordLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var file: String
    public var row: Int
    /// "row" for spreadsheets, "record" for JSON and YAML lists.
    public var unit: String

    public init(file: String, row: Int, unit: String = "record") {
        self.file = file
        self.row = row
        self.unit = unit
    }

    /// 「roster.json 第 11 条记录」, 「roster.csv 第 5 行」.
    public var description: String { RosterMessages.text(self) }
}
