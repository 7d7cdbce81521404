import ShufaODF
@testable import ShufaRoster
import ShufaSystem
import Testing

/// Every message of the roster, case by case: Chinese, naming the file and, where the fault has one, the line,
/// column, row, cell or part.
@Suite("ShufaRoster: every message is Chinese and names where the problem is")
struct RosterMessagesTests {
    static let years = 1990...2200
    static let first = RecordLocation(file: "名单.csv", row: 2, unit: "row")

    /// One of every fault, with the place it names besides the file (exhaustive: a new fault must be listed
    /// here with an example before this compiles).
    static func place(of fault: RosterFault) -> String? {
        switch fault {
        case .syntax: return "第 3 行第 5 列"
        case .tooDeep, .aliasExpansion, .complexKey, .duplicateKey: return "第 3 行"
        case .unclosedQuote, .tooManyColumns: return "第 7 行"
        case .sameColumn: return "第 1 行的 B 列和 H 列"
        case .missingColumns: return "第 1 行"
        case .rowsAboveHeader: return "第 3 行"
        case .damagedXML, .tooMuchMarkup, .tooManyAttributes: return "xl/worksheets/sheet1.xml"
        case .part: return "content.xml"
        case .missingSheetPart, .noWorkbook: return "xl/workbook.xml"
        case .missingSharedString: return "C5"
        case .duplicateID: return "名单.csv 第 2 行"
        case .unknownSheet: return "Sheet9"
        case .badRowNumber: return "0x10"
        case .ignoredColumn: return "K 列"
        case .file, .unknownFormat, .empty, .encodingNotApplicable, .sheetNotApplicable, .notTable, .sameField,
            .notUTF8YAML, .notRosterObject, .noYear, .noLeaderList, .notInEncoding, .undetectedEncoding, .nulBytes,
            .notAnArchive, .damagedArchive, .notSpreadsheet, .noSpreadsheetContent, .noSheetData, .noSheets,
            .tooManyCells, .tooManyRows, .noRows, .noHeader, .noYearColumn, .unnamedColumn, .indicatorsColumn,
            .controlCharactersInHeader, .notARecord, .unknownRole, .missing, .noYearInRecord, .otherYear, .badYear,
            .otherOrganization, .controlCharacters, .notText, .notIndicatorMap, .badIndicator, .inexactNumber,
            .indicatorTooLarge, .tooLong, .changedWhileReading:
            return nil
        }
    }

    static let faults: [RosterFault] = [
        .file(.notRegular), .unknownFormat("xls"), .empty, .encodingNotApplicable(.xlsx), .sheetNotApplicable(.csv),
        .notTable, .syntax(format: "YAML", line: 3, column: 5, reason: .indentation), .tooDeep(line: 3, limit: 64),
        .aliasExpansion(line: 3, limit: 100_000), .complexKey(line: 3), .duplicateKey("name", line: 3),
        .sameField(["姓名", "name"]), .notUTF8YAML, .notRosterObject, .noYear(years: years), .noLeaderList,
        .notInEncoding(.gb18030), .undetectedEncoding, .nulBytes, .unclosedQuote(row: 7),
        .notAnArchive(.xlsx, guess: .oldExcel), .damagedArchive,
        .part(.partDamaged("名单.ods", part: "content.xml")),
        .damagedXML(part: "xl/worksheets/sheet1.xml", detail: "不是格式正确的 XML"),
        .notSpreadsheet(mimetype: "application/vnd.oasis.opendocument.text"), .noSpreadsheetContent,
        .noWorkbook("xl/workbook.xml"), .missingSheetPart("xl/workbook.xml"), .noSheetData,
        .missingSharedString(cell: "C5"), .noSheets, .unknownSheet("Sheet9", sheets: ["名单", "说明"]),
        .tooMuchMarkup(part: "xl/worksheets/sheet1.xml", limit: 1_500_000),
        .tooManyAttributes(part: "xl/worksheets/sheet1.xml", limit: 256), .tooManyCells(limit: 4_000_000),
        .tooManyRows(limit: 200_000), .tooManyColumns(row: 7, limit: 1_000), .badRowNumber("0x10", limit: 1 << 20),
        .noRows, .noHeader(searchedRows: 10), .sameColumn("B", "H", row: 1, field: "name (姓名)"),
        .missingColumns(row: 1, fields: ["position (职务)", "year (年度)"]), .noYearColumn(years: years),
        .rowsAboveHeader(count: 2, headerRow: 3), .unnamedColumn, .indicatorsColumn, .ignoredColumn("K"),
        .controlCharactersInHeader(1), .notARecord, .duplicateID("QC006", first: first),
        .unknownRole("党组书记", suggestion: "党委主要负责人"), .missing, .noYearInRecord(expected: 2025),
        .otherYear(2024, expected: 2025), .badYear("1850", years: years, expected: 2025),
        .otherOrganization("示例县", roster: "青川县"), .controlCharacters(2), .notText, .notIndicatorMap,
        .badIndicator("四次"), .inexactNumber("12345678901234567890"), .indicatorTooLarge("1e9", limit: 1_000_000),
        .tooLong(characters: 20_001, scalars: 20_001, limit: 20_000), .changedWhileReading,
    ]

    @Test("every fault of a file: Chinese, with the file and the line, row, cell or part it has")
    func faults() {
        for fault in Self.faults {
            let error = RosterError(file: "名单.xlsx", fault)
            Wording.expectChinese(error.description, naming: "名单.xlsx", "\(fault)")
            if let place = Self.place(of: fault) { Wording.expectChinese(error.message, naming: place, "\(fault)") }
        }
        #expect(Set(Self.faults.map(Wording.caseName)).count == 64)
    }

    @Test("a record's problem names the file, the row or record, the field by its Chinese name and the leader")
    func problemLines() {
        let row = RosterProblem(.error, .missing, at: RecordLocation(file: "名单.csv", row: 7, unit: "row"),
                                leader: "QC011", field: "name (姓名)")
        #expect(row.description == "名单.csv 第 7 行，姓名（QC011）：必填项为空：请填写")
        let record = RosterProblem(.warning, .controlCharacters(1), at: RecordLocation(file: "名单.json", row: 3),
                                   field: "law (述法内容)")
        #expect(record.description == "名单.json 第 3 条记录，述法内容：已删去 1 个 XML 不允许的控制字符")
        Wording.expectChinese(RosterProblem(.error, .notARecord, at: nil).description, naming: "名单")
    }

    @Test("every reason JSON or YAML does not parse, and an unknown encoding")
    func syntaxReasons() {
        let reasons: [SyntaxReason] = [
            .trailingContent, .unexpectedEnd, .valueExpected, .keyExpected, .colonExpected, .commaOrClose("}"),
            .controlCharacterInText, .unclosedText, .badEscape, .badUnicodeEscape, .badNumber, .noFractionDigits,
            .noExponentDigits, .outOfMemory, .indentation, .colonInValue, .badCharacter, .missingContent,
            .missingListDash, .controlCharacters, .notUTF8, .undefinedAlias, .nestingLimit, .parser(""),
        ]
        for reason in reasons {
            let fault = RosterFault.syntax(format: "JSON", line: 2, column: 9, reason: reason)
            Wording.expectChinese(fault.description, naming: "第 2 行第 9 列", "\(reason)")
        }
        #expect(Set(reasons.map(Wording.caseName)).count == 24)
        Wording.expectChinese(TextEncoding.UnknownEncoding(name: "klingon").description, naming: "klingon")
    }
}
