/// A workbook as the tally writes it, in both XLSX (libxlsxwriter) and ODS (shufa's ODF writer): sheets
/// of cells with a few styles, merged ranges, column widths, number validation and protection.
struct WorkbookModel: Sendable {
    /// The document title (文档属性).
    var title: String
    var sheets: [SheetModel]
}

/// One sheet.
struct SheetModel: Sendable {
    var name: String
    /// Column widths, in characters of the default font.
    var widths: [Double]
    /// Rows from the first, cells from column A.
    var rows: [[CellModel]]
    var merges: [CellRange] = []
    var validations: [NumberValidation] = []
    /// Locked cells cannot be changed (only `input` cells can).
    var protected = false
    /// Rows and columns kept in view while scrolling.
    var frozenRows = 0
    var frozenColumns = 0
}

/// One cell: a value and how it looks.
struct CellModel: Sendable, Equatable {
    enum Value: Sendable, Equatable {
        case empty
        case text(String)
        case number(Double)
    }

    enum Style: Sendable, Equatable, CaseIterable {
        /// The sheet's title: large, bold.
        case title
        /// A column header: bold, centred, shaded, wrapped.
        case header
        /// Text, locked.
        case text
        /// A whole number, locked.
        case count
        /// A number with two decimals, locked.
        case score
        /// A share shown as a percentage with one decimal, locked.
        case percent
        /// A cell for the clerk to fill: unlocked, tinted.
        case input
        /// A paragraph of explanation: wrapped.
        case note
    }

    var value: Value
    var style: Style

    static func text(_ text: String, _ style: Style = .text) -> CellModel {
        CellModel(value: .text(text), style: style)
    }
    static func number(_ number: Double, _ style: Style) -> CellModel {
        CellModel(value: .number(number), style: style)
    }
    static let input = CellModel(value: .empty, style: .input)
    static let blank = CellModel(value: .empty, style: .text)
}

/// A rectangle of cells, 0-based and inclusive.
struct CellRange: Sendable, Equatable {
    var firstRow: Int
    var firstColumn: Int
    var lastRow: Int
    var lastColumn: Int
}

/// Only numbers between `minimum` and `maximum` may be typed into `range` (whole numbers when `whole`).
struct NumberValidation: Sendable, Equatable {
    var range: CellRange
    var whole: Bool
    var minimum: Double
    var maximum: Double
    /// Shown when the cell is selected.
    var promptTitle: String
    var prompt: String
    /// Shown when a wrong value is typed.
    var errorTitle: String
    var error: String
}
