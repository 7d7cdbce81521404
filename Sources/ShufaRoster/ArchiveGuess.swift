/// What a file that should be a spreadsheet's archive looks like instead.
public enum ArchiveGuess: Sendable, Equatable {
    /// An Excel 97–2003 (.xls) or WPS binary file.
    case oldExcel
    case binary
    case text
}
