/// The 考核结果汇总表 as a workbook: a sheet per 考核序列, ranked, with each 评价主体's counts, 优秀率,
/// 好评率 and score, the 专项工作考核得分, the composite, the 建议等次, the rule and 备注, and the quota
/// use under the table; a sheet of what was left out.
struct ResultWorkbook {
    let rules: TallyRules
    let result: TallyResult

    private var subjectColumns: [String] {
        rules.grades + [EntryColumns.abstained, EntryColumns.spoiled, "优秀率", "好评率", "得分"]
    }
    private static let leading = ["排名", "编号", "姓名", "单位", "职务", "类别"]

    func model() -> WorkbookModel {
        let title = "\(result.organization)\(result.year.map { "\($0)年度" } ?? "")述法考核结果汇总表"
        return WorkbookModel(title: title, sheets: result.series.map { sheet($0, title: title) } + [problemsSheet()])
    }

    private func sheet(_ series: SeriesResult, title: String) -> SheetModel {
        let trailing = [rules.special.name, "综合得分", "建议等次", "依据", "备注"]
        let width = Self.leading.count + rules.subjects.count * subjectColumns.count + trailing.count
        var rows: [[CellModel]] = [
            [.text("\(title)（\(series.name)）", .title)] + Array(repeating: .blank, count: width - 1)
        ]
        var merges = [CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: width - 1)]
        var groupRow = Self.leading.map { CellModel.text($0, .header) }
        var headerRow = Self.leading.map { _ in CellModel.text("", .header) }
        for index in Self.leading.indices {
            merges.append(CellRange(firstRow: 1, firstColumn: index, lastRow: 2, lastColumn: index))
        }
        for subject in rules.subjects {
            merges.append(
                CellRange(
                    firstRow: 1, firstColumn: groupRow.count, lastRow: 1,
                    lastColumn: groupRow.count + subjectColumns.count - 1))
            groupRow +=
                [CellModel.text(subject.name, .header)]
                + Array(repeating: CellModel.text("", .header), count: subjectColumns.count - 1)
            headerRow += subjectColumns.map { CellModel.text($0, .header) }
        }
        for name in trailing {
            merges.append(CellRange(firstRow: 1, firstColumn: groupRow.count, lastRow: 2, lastColumn: groupRow.count))
            groupRow.append(.text(name, .header))
            headerRow.append(.text("", .header))
        }
        rows += [groupRow, headerRow]
        for leader in result.leaders where leader.series == series.name {
            rows.append(row(leader, trailing: trailing.count))
        }
        for line in TallyWords.quotaUse(series, rules: rules) {
            merges.append(CellRange(firstRow: rows.count, firstColumn: 0, lastRow: rows.count, lastColumn: width - 1))
            rows.append([.text(line, .note)] + Array(repeating: .blank, count: width - 1))
        }
        let widths =
            [5.0, 8, 8, 16, 14, 18] + Array(repeating: 6.5, count: rules.subjects.count * subjectColumns.count) + [
                9, 9, 10, 10, 40,
            ]
        return SheetModel(
            name: series.name, widths: widths, rows: rows, merges: merges, frozenRows: 3, frozenColumns: 3)
    }

    private func row(_ leader: LeaderResult, trailing: Int) -> [CellModel] {
        var cells: [CellModel] = [.number(Double(leader.rank), .count)]
        cells += [leader.leader.id, leader.leader.name, leader.leader.unit, leader.leader.position, leader.leader.role]
            .map { .text($0) }
        for subject in rules.subjects {
            guard let found = leader.subjects.first(where: { $0.subject == subject.name }) else {
                cells += Array(repeating: CellModel.text("—"), count: subjectColumns.count)
                continue
            }
            cells += (found.counts.votes + [found.counts.abstained, found.counts.spoiled]).map {
                .number(Double($0), .count)
            }
            cells += [
                .number(found.excellentRate, .percent), .number(found.goodRate, .percent),
                .number(Self.hundredths(found.score), .score),
            ]
        }
        cells.append(leader.leader.specialScore.map { .number($0, .score) } ?? .text("—"))
        cells += [
            .number(leader.composite, .score), .text(leader.gradeText), .text(TallyWords.rule(leader.rule)),
            .text(leader.notes.joined(separator: "；")),
        ]
        return cells
    }

    private static func hundredths(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    private func problemsSheet() -> SheetModel {
        let headers = ["类型", "位置", "编号", "评价主体", "说明"]
        var rows: [[CellModel]] = [headers.map { .text($0, .header) }]
        for problem in result.problems {
            rows.append([
                .text(problem.severity == .error ? "未计入" : "提醒"),
                .text(problem.location.map(TallyMessages.place) ?? ""),
                .text(problem.leader ?? ""), .text(problem.subject ?? ""), .text(problem.message),
            ])
        }
        return SheetModel(name: "未计入及提醒", widths: [8, 36, 10, 12, 70], rows: rows, frozenRows: 1)
    }
}
