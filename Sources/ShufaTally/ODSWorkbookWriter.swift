import ShufaODF

/// Writes a `WorkbookModel` as an OpenDocument spreadsheet (.ods) with shufa's own ODF writer, strictly
/// valid ODF 1.3: column widths, cell styles (locked or not), merged cells, content validations, table
/// protection. The same model gives the same bytes.
struct ODSWorkbookWriter {
    static let mediaType = "application/vnd.oasis.opendocument.spreadsheet"

    private static let namespaces = """
         xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"\
         xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"\
         xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"\
         xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"\
         xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"\
         xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"\
         xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"\
         xmlns:dc="http://purl.org/dc/elements/1.1/"\
         xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"\
         xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
        """
    private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    func bytes(_ model: WorkbookModel) -> [UInt8] {
        let builder = ODFPackageBuilder(
            mediaType: Self.mediaType, staticParts: [],
            dynamicParts: ["content.xml", "styles.xml", "meta.xml", "settings.xml"].map { ($0, []) })
        return builder.package([
            ("content.xml", Array(content(model).utf8)), ("styles.xml", Array(styles.utf8)),
            ("meta.xml", Array(meta(model).utf8)), ("settings.xml", Array(settings(model).utf8)),
        ])
    }

    private var styles: String {
        Self.declaration + "<office:document-styles\(Self.namespaces) office:version=\"1.3\"><office:styles>"
            + "<style:default-style style:family=\"table-cell\"><style:text-properties style:font-name-asian=\"宋体\""
            + " fo:font-size=\"11pt\" style:font-size-asian=\"11pt\"/></style:default-style>"
            + "</office:styles></office:document-styles>\n"
    }

    private func meta(_ model: WorkbookModel) -> String {
        Self.declaration + "<office:document-meta\(Self.namespaces) office:version=\"1.3\"><office:meta>"
            + "<meta:generator>shufa</meta:generator><dc:title>\(escape(model.title))</dc:title>"
            + "<dc:language>zh-CN</dc:language></office:meta></office:document-meta>\n"
    }

    /// Frozen rows and columns, as spreadsheet programs keep them (view settings).
    private func settings(_ model: WorkbookModel) -> String {
        var xml =
            Self.declaration + "<office:document-settings\(Self.namespaces) office:version=\"1.3\"><office:settings>"
        xml +=
            "<config:config-item-set config:name=\"ooo:view-settings\">"
                + "<config:config-item-map-indexed config:name=\"Views\">"
        xml +=
            "<config:config-item-map-entry>"
                + "<config:config-item config:name=\"ViewId\" config:type=\"string\">view1</config:config-item>"
        xml += "<config:config-item-map-named config:name=\"Tables\">"
        for sheet in model.sheets where sheet.frozenRows > 0 || sheet.frozenColumns > 0 {
            xml += "<config:config-item-map-entry config:name=\"\(escape(sheet.name, quote: true))\">"
            let items: [(String, String, Int)] = [
                ("HorizontalSplitMode", "short", 2), ("VerticalSplitMode", "short", 2),
                ("HorizontalSplitPosition", "int", sheet.frozenColumns),
                ("VerticalSplitPosition", "int", sheet.frozenRows),
                ("PositionRight", "int", sheet.frozenColumns), ("PositionBottom", "int", sheet.frozenRows),
            ]
            for (name, type, value) in items {
                xml +=
                    "<config:config-item config:name=\"\(name)\" config:type=\"\(type)\">\(value)</config:config-item>"
            }
            xml += "</config:config-item-map-entry>"
        }
        return xml + "</config:config-item-map-named></config:config-item-map-entry></config:config-item-map-indexed>"
            + "</config:config-item-set></office:settings></office:document-settings>\n"
    }

    private func content(_ model: WorkbookModel) -> String {
        var xml = Self.declaration + "<office:document-content\(Self.namespaces) office:version=\"1.3\">"
        xml +=
            "<office:automatic-styles>" + dataStyles + cellStyles + columnStyles(model) + "</office:automatic-styles>"
        xml += "<office:body><office:spreadsheet>"
        let validations = model.sheets.flatMap { sheet in sheet.validations.map { (sheet.name, $0) } }
        if !validations.isEmpty {
            xml += "<table:content-validations>"
            for (index, (sheet, validation)) in validations.enumerated() {
                xml += self.validation(validation, sheet: sheet, index: index)
            }
            xml += "</table:content-validations>"
        }
        var validationIndex = 0
        for (sheetIndex, sheet) in model.sheets.enumerated() {
            xml += table(sheet, index: sheetIndex, firstValidation: validationIndex)
            validationIndex += sheet.validations.count
        }
        return xml + "</office:spreadsheet></office:body></office:document-content>\n"
    }

    private var dataStyles: String {
        "<number:number-style style:name=\"N0\">"
            + "<number:number number:decimal-places=\"0\" number:min-integer-digits=\"1\"/>"
            + "</number:number-style>"
            + "<number:number-style style:name=\"N2\">"
            + "<number:number number:decimal-places=\"2\" number:min-integer-digits=\"1\"/>"
            + "</number:number-style>"
            + "<number:percentage-style style:name=\"NP\">"
            + "<number:number number:decimal-places=\"1\" number:min-integer-digits=\"1\"/>"
            + "<number:text>%</number:text></number:percentage-style>"
    }

    private var cellStyles: String {
        CellModel.Style.allCases.map { style in
            let (data, cell, text) = Self.properties(style)
            return "<style:style style:name=\"\(Self.name(style))\" style:family=\"table-cell\"\(data)>"
                + "<style:table-cell-properties\(cell)/><style:text-properties\(text)/></style:style>"
        }.joined()
    }

    /// Data style attribute, cell properties and text properties of a style.
    private static func properties(_ style: CellModel.Style) -> (String, String, String) {
        let border = " fo:border=\"0.06pt solid #000000\" style:vertical-align=\"middle\""
        let bold = " fo:font-weight=\"bold\" style:font-weight-asian=\"bold\""
        switch style {
        case .title:
            return (
                "", " style:cell-protect=\"protected\"", bold + " fo:font-size=\"16pt\" style:font-size-asian=\"16pt\""
            )
        case .header:
            return (
                "",
                border + " fo:background-color=\"#d9e2f3\" fo:wrap-option=\"wrap\" style:cell-protect=\"protected\"",
                bold
            )
        case .text: return ("", border + " fo:wrap-option=\"wrap\" style:cell-protect=\"protected\"", "")
        case .count: return (" style:data-style-name=\"N0\"", border + " style:cell-protect=\"protected\"", "")
        case .score: return (" style:data-style-name=\"N2\"", border + " style:cell-protect=\"protected\"", "")
        case .percent: return (" style:data-style-name=\"NP\"", border + " style:cell-protect=\"protected\"", "")
        case .input: return ("", border + " fo:background-color=\"#fff2cc\" style:cell-protect=\"none\"", "")
        case .note: return ("", " fo:wrap-option=\"wrap\" style:cell-protect=\"protected\"", "")
        }
    }

    private static func name(_ style: CellModel.Style) -> String { "ce-\(style)" }

    private func columnStyles(_ model: WorkbookModel) -> String {
        let widths = Set(model.sheets.flatMap(\.widths)).sorted()
        return widths.map { width in
            "<style:style style:name=\"\(columnStyle(width))\" style:family=\"table-column\">"
                + "<style:table-column-properties"
                + " style:column-width=\"\(SheetRowsFormat.number(width * 0.21 + 0.1))cm\"/></style:style>"
        }.joined()
    }

    private func columnStyle(_ width: Double) -> String { "co-\(SheetRowsFormat.number(width * 10))" }

    private func validation(_ validation: NumberValidation, sheet: String, index: Int) -> String {
        let kind = validation.whole ? "of:cell-content-is-whole-number()" : "of:cell-content-is-decimal-number()"
        let condition =
            "\(kind) and cell-content-is-between(\(SheetRowsFormat.number(validation.minimum)),"
            + "\(SheetRowsFormat.number(validation.maximum)))"
        let base = "\(sheet).\(SheetModelAddress.cell(validation.range.firstRow, validation.range.firstColumn))"
        return
            "<table:content-validation table:name=\"V\(index + 1)\""
            + " table:condition=\"\(escape(condition, quote: true))\""
            + " table:allow-empty-cell=\"true\" table:base-cell-address=\"\(escape(base, quote: true))\">"
            + "<table:help-message table:title=\"\(escape(validation.promptTitle, quote: true))\""
            + " table:display=\"true\">"
            + "<text:p>\(escape(validation.prompt))</text:p></table:help-message>"
            + "<table:error-message table:title=\"\(escape(validation.errorTitle, quote: true))\""
            + " table:display=\"true\""
            + " table:message-type=\"stop\"><text:p>\(escape(validation.error))</text:p></table:error-message>"
            + "</table:content-validation>"
    }

    private func table(_ sheet: SheetModel, index: Int, firstValidation: Int) -> String {
        var xml =
            "<table:table table:name=\"\(escape(sheet.name, quote: true))\""
            + (sheet.protected ? " table:protected=\"true\">" : ">")
        for width in sheet.widths { xml += "<table:table-column table:style-name=\"\(columnStyle(width))\"/>" }
        let layout = MergeLayout(sheet.merges)
        for (rowIndex, row) in sheet.rows.enumerated() {
            xml += "<table:table-row>"
            for (columnIndex, cell) in row.enumerated() {
                let validation =
                    sheet.validations.firstIndex { $0.range.contains(rowIndex, columnIndex) }
                    .map { " table:content-validation-name=\"V\(firstValidation + $0 + 1)\"" } ?? ""
                if layout.isCovered(rowIndex, columnIndex) {
                    xml += "<table:covered-table-cell table:style-name=\"\(Self.name(cell.style))\"\(validation)/>"
                    continue
                }
                xml += self.cell(cell, span: layout.span(rowIndex, columnIndex), validation: validation)
            }
            xml += "</table:table-row>"
        }
        return xml + "</table:table>"
    }

    private func cell(_ cell: CellModel, span: (rows: Int, columns: Int)?, validation: String) -> String {
        var attributes = " table:style-name=\"\(Self.name(cell.style))\"" + validation
        if let span {
            if span.rows > 1 { attributes += " table:number-rows-spanned=\"\(span.rows)\"" }
            if span.columns > 1 { attributes += " table:number-columns-spanned=\"\(span.columns)\"" }
        }
        switch cell.value {
        case .empty: return "<table:table-cell\(attributes)/>"
        case .text(let text):
            let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false).map {
                "<text:p>\(escape(String($0)))</text:p>"
            }
            return
                "<table:table-cell\(attributes) office:value-type=\"string\">\(paragraphs.joined())</table:table-cell>"
        case .number(let number):
            let type = cell.style == .percent ? "percentage" : "float"
            let shown = cell.style == .percent ? Percent.text(number) : SheetRowsFormat.number(number)
            return
                "<table:table-cell\(attributes) office:value-type=\"\(type)\" office:value=\"\(Self.exact(number))\">"
                + "<text:p>\(shown)</text:p></table:table-cell>"
        }
    }

    /// A number as ODF stores it: shortest exact decimal.
    private static func exact(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : "\(number)"
    }

    private func escape(_ text: String, quote: Bool = false) -> String { XMLEscaping.escaped(text, quote: quote) }
}

/// Where merged ranges start and which cells they cover.
private struct MergeLayout {
    private var starts: [Int: (rows: Int, columns: Int)] = [:]
    private var covered = Set<Int>()

    init(_ merges: [CellRange]) {
        for range in merges {
            starts[Self.key(range.firstRow, range.firstColumn)] = (
                range.lastRow - range.firstRow + 1, range.lastColumn - range.firstColumn + 1
            )
            for row in range.firstRow...range.lastRow {
                for column in range.firstColumn...range.lastColumn
                where (row, column) != (range.firstRow, range.firstColumn) {
                    covered.insert(Self.key(row, column))
                }
            }
        }
    }

    private static func key(_ row: Int, _ column: Int) -> Int { row * 16_384 + column }

    func span(_ row: Int, _ column: Int) -> (rows: Int, columns: Int)? { starts[Self.key(row, column)] }
    func isCovered(_ row: Int, _ column: Int) -> Bool { covered.contains(Self.key(row, column)) }
}

/// Spreadsheet cell addresses: (2, 7) → "H3".
enum SheetModelAddress {
    static func cell(_ row: Int, _ column: Int) -> String {
        var name = "", index = column + 1
        while index > 0 {
            name = String(UnicodeScalar(UInt8(65 + (index - 1) % 26))) + name
            index = (index - 1) / 26
        }
        return "\(name)\(row + 1)"
    }
}

extension CellRange {
    func contains(_ row: Int, _ column: Int) -> Bool {
        (firstRow...lastRow).contains(row) && (firstColumn...lastColumn).contains(column)
    }
}
