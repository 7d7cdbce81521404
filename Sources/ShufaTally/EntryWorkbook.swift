import ShufaKit

/// The entry workbook (测评录入表) a clerk fills after the 测评: one row per leader and 评价主体, the
/// leader's 编号 / 姓名 / 单位 / 职务 / 类别 and the 评价主体 prefilled and locked, the counts for the clerk
/// (whole numbers only), and per leader (merged over their rows) the 专项工作考核得分 and 一票否决事由;
/// a 说明 sheet tells what to type.
struct EntryWorkbook {
    let rules: TallyRules

    /// The most people or ballots of one 测评 the workbook accepts.
    static let maximumCount = 100_000
    /// Rows above the first leader: the title and the header.
    static let headerRows = 2

    func model(_ roster: Roster) -> WorkbookModel {
        let title = "\(roster.organization)\(roster.year)年度述法测评录入表"
        return WorkbookModel(title: title, sheets: [entrySheet(roster, title: title), notesSheet()])
    }

    private var headers: [String] {
        EntryColumns.leader + [EntryColumns.subject] + EntryColumns.counts(grades: rules.grades)
            + [rules.special.name, EntryColumns.veto]
    }

    private func entrySheet(_ roster: Roster, title: String) -> SheetModel {
        let headers = headers
        var rows: [[CellModel]] = [
            [.text(title, .title)] + Array(repeating: .blank, count: headers.count - 1),
            headers.map { .text($0, .header) },
        ]
        var merges = [CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: headers.count - 1)]
        let counts = EntryColumns.counts(grades: rules.grades).count
        let firstCount = EntryColumns.leader.count + 1
        let specialColumn = firstCount + counts
        for leader in roster.leaders where rules.series(ofRole: leader.role) != nil {
            let first = rows.count
            for subject in rules.subjects {
                let fixed = [leader.id, leader.name, leader.unit, leader.position, leader.role, subject.name].map {
                    CellModel.text($0)
                }
                rows.append(fixed + Array(repeating: CellModel.input, count: counts + 2))
            }
            if rules.subjects.count > 1 {
                for column in [specialColumn, specialColumn + 1] {
                    merges.append(
                        CellRange(firstRow: first, firstColumn: column, lastRow: rows.count - 1, lastColumn: column))
                }
            }
        }
        let last = max(rows.count - 1, Self.headerRows)
        let validations = [
            NumberValidation(
                range: CellRange(
                    firstRow: Self.headerRows, firstColumn: firstCount, lastRow: last,
                    lastColumn: firstCount + counts - 1),
                whole: true, minimum: 0, maximum: Double(Self.maximumCount),
                promptTitle: "填写人数或票数", prompt: "填写 0 或正整数，不带单位。",
                errorTitle: "应为整数", error: "人数、票数只能填写 0 或正整数。"),
            NumberValidation(
                range: CellRange(
                    firstRow: Self.headerRows, firstColumn: specialColumn, lastRow: last,
                    lastColumn: specialColumn),
                whole: false, minimum: 0, maximum: rules.special.max,
                promptTitle: "填写得分", prompt: "填写 0 至 \(SheetRowsFormat.number(rules.special.max)) 分。",
                errorTitle: "得分超出范围",
                error: "\(rules.special.name)应在 0 至 \(SheetRowsFormat.number(rules.special.max)) 分之间。"),
        ]
        let widths = [8.0, 8, 16, 16, 20, 12] + Array(repeating: 7.0, count: counts) + [10, 24]
        return SheetModel(
            name: EntryColumns.entrySheet, widths: widths, rows: rows, merges: merges, validations: validations,
            protected: true, frozenRows: Self.headerRows, frozenColumns: EntryColumns.leader.count + 1)
    }

    private func notesSheet() -> SheetModel {
        let lines = [
            "述法测评录入说明",
            "1. 「\(EntryColumns.entrySheet)」表每位被评议人占 \(rules.subjects.count) 行，分别是："
                + rules.subjects.map(\.name).joined(separator: "、") + "。编号、姓名、单位、职务、类别、评价主体已填好并锁定，请勿改动。",
            "2. 每次测评填写应到人数、实到人数、发出票数、收回票数，以及优秀、良好、一般、较差、弃权、废票的票数；只填 0 或正整数，不带单位。",
            "3. 优秀、良好、一般、较差、弃权、废票之和应等于收回票数；收回票数多于发出票数的，该次测评无效；实到人数未超过应到人数半数的，该次测评无效。",
            "4. 「\(rules.special.name)」每人填一次（0 至 \(SheetRowsFormat.number(rules.special.max)) 分）；有一票否决情形的，"
                + "在「\(EntryColumns.veto)」中写明事由。",
            "5. 未进行的测评整行留空。填好后保存（可另存为 .xlsx 或 .ods），运行 shufa tally 文件名 计算考核等次。",
            "6. 计分办法（默认，以本地考核办法为准）：每票 \(TallyWords.points(rules))；权重 \(TallyWords.weights(rules))；"
                + "\(TallyWords.bands(rules))。",
        ]
        var rows = [[CellModel.text(lines[0], .title)]]
        rows += lines.dropFirst().map { [CellModel.text($0, .note)] }
        return SheetModel(name: EntryColumns.notesSheet, widths: [100], rows: rows, protected: false)
    }
}
