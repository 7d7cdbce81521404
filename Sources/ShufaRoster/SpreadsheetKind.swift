/// The kinds of spreadsheet kept as a ZIP archive.
public enum SpreadsheetKind: Sendable, Equatable {
    case xlsx, ods
}
