import CXLSXWriter
import Foundation

/// Writes a `WorkbookModel` as a real XLSX workbook with libxlsxwriter: formats, merged ranges, data
/// validation, locked cells and sheet protection. libxlsxwriter writes to a file (in a private temporary
/// folder, with its own temporary files there); the bytes are returned, so the caller writes them
/// atomically. The creation time is fixed, so the same model gives the same bytes.
struct XLSXWorkbookWriter {
    /// 1980-01-01 00:00 UTC, the date ZIP entries carry: no wall-clock time enters the workbook.
    static let fixedCreationTime: time_t = 315_532_800

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func bytes(_ model: WorkbookModel) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shufa-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: false,
            attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("workbook.xlsx").path
        var strings = CStrings()
        defer { strings.free() }
        var options = lxw_workbook_options(constant_memory: 0, tmpdir: strings.make(folder.path), use_zip64: 0)
        guard let workbook = workbook_new_opt(path, &options) else {
            throw Failure(description: "libxlsxwriter 无法创建工作簿")
        }
        var properties = lxw_doc_properties()
        properties.title = strings.make(model.title)
        properties.created = Self.fixedCreationTime
        workbook_set_properties(workbook, &properties)
        let formats = Formats(workbook)
        for sheet in model.sheets {
            guard let worksheet = workbook_add_worksheet(workbook, sheet.name) else {
                workbook_close(workbook)
                throw Failure(description: "libxlsxwriter 无法添加工作表「\(sheet.name)」")
            }
            write(sheet, to: worksheet, formats: formats, strings: &strings)
        }
        let result = workbook_close(workbook)
        guard result == LXW_NO_ERROR else {
            throw Failure(description: "libxlsxwriter：\(String(cString: lxw_strerror(result)))")
        }
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    private func write(
        _ sheet: SheetModel, to worksheet: UnsafeMutablePointer<lxw_worksheet>, formats: Formats,
        strings: inout CStrings
    ) {
        for (column, width) in sheet.widths.enumerated() {
            worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), width, nil)
        }
        let merged = Set(
            sheet.merges.flatMap { range in
                (range.firstRow...range.lastRow).flatMap { row in
                    (range.firstColumn...range.lastColumn).map { Cell(row, $0) }
                }
            })
        for (rowIndex, row) in sheet.rows.enumerated() {
            for (columnIndex, cell) in row.enumerated() where !merged.contains(Cell(rowIndex, columnIndex)) {
                write(cell, worksheet, rowIndex, columnIndex, formats)
            }
        }
        for range in sheet.merges {
            let cell = sheet.rows[range.firstRow][range.firstColumn]
            let text: String
            if case .text(let value) = cell.value { text = value } else { text = "" }
            worksheet_merge_range(
                worksheet, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn), lxw_row_t(range.lastRow),
                lxw_col_t(range.lastColumn), text, formats[cell.style])
        }
        for validation in sheet.validations { validate(validation, worksheet, strings: &strings) }
        if sheet.frozenRows > 0 || sheet.frozenColumns > 0 {
            worksheet_freeze_panes(worksheet, lxw_row_t(sheet.frozenRows), lxw_col_t(sheet.frozenColumns))
        }
        if sheet.protected {
            var protection = lxw_protection()
            protection.format_columns = 0
            worksheet_protect(worksheet, nil, &protection)
        }
    }

    private func write(
        _ cell: CellModel, _ worksheet: UnsafeMutablePointer<lxw_worksheet>, _ row: Int, _ column: Int,
        _ formats: Formats
    ) {
        let format = formats[cell.style]
        switch cell.value {
        case .empty: worksheet_write_blank(worksheet, lxw_row_t(row), lxw_col_t(column), format)
        case .text(let text): worksheet_write_string(worksheet, lxw_row_t(row), lxw_col_t(column), text, format)
        case .number(let number): worksheet_write_number(worksheet, lxw_row_t(row), lxw_col_t(column), number, format)
        }
    }

    private func validate(
        _ validation: NumberValidation, _ worksheet: UnsafeMutablePointer<lxw_worksheet>, strings: inout CStrings
    ) {
        var rule = lxw_data_validation()
        rule.validate = UInt8(
            validation.whole ? LXW_VALIDATION_TYPE_INTEGER.rawValue : LXW_VALIDATION_TYPE_DECIMAL.rawValue)
        rule.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
        rule.minimum_number = validation.minimum
        rule.maximum_number = validation.maximum
        rule.input_title = strings.make(validation.promptTitle)
        rule.input_message = strings.make(validation.prompt)
        rule.error_title = strings.make(validation.errorTitle)
        rule.error_message = strings.make(validation.error)
        let range = validation.range
        worksheet_data_validation_range(
            worksheet, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn),
            lxw_row_t(range.lastRow), lxw_col_t(range.lastColumn), &rule)
    }

    private struct Cell: Hashable {
        var row: Int
        var column: Int
        init(_ row: Int, _ column: Int) { self.row = row; self.column = column }
    }

    /// One libxlsxwriter format per cell style.
    private struct Formats {
        private var formats: [CellModel.Style: UnsafeMutablePointer<lxw_format>] = [:]

        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
            for style in CellModel.Style.allCases {
                let format = workbook_add_format(workbook)!
                format_set_font_name(format, "宋体")
                format_set_font_size(format, 11)
                format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
                if style != .title && style != .note { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
                Self.configure(format, style)
                formats[style] = format
            }
        }

        private static func configure(_ format: UnsafeMutablePointer<lxw_format>, _ style: CellModel.Style) {
            switch style {
            case .title:
                format_set_bold(format)
                format_set_font_size(format, 16)
            case .header:
                format_set_bold(format)
                format_set_text_wrap(format)
                format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
                format_set_bg_color(format, 0xD9E2F3)
            case .text: format_set_text_wrap(format)
            case .count: format_set_num_format(format, "0")
            case .score: format_set_num_format(format, "0.00")
            case .percent: format_set_num_format(format, "0.0%")
            case .input:
                format_set_unlocked(format)
                format_set_bg_color(format, 0xFFF2CC)
            case .note: format_set_text_wrap(format)
            }
        }

        subscript(style: CellModel.Style) -> UnsafeMutablePointer<lxw_format> { formats[style]! }
    }
}

/// C strings that must outlive a libxlsxwriter call (the library keeps the pointers until it closes).
private struct CStrings {
    private var pointers: [UnsafeMutablePointer<CChar>] = []

    mutating func make(_ text: String) -> UnsafeMutablePointer<CChar> {
        let pointer = strdup(text)!
        pointers.append(pointer)
        return pointer
    }

    func free() { pointers.forEach { Foundation.free($0) } }
}
