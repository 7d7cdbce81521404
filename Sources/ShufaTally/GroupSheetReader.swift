import ShufaKit

/// Reads the entry workbook's form: one row per leader and 评价主体 with attendance and vote counts, and
/// per leader the 专项工作考核得分 and 一票否决事由 (in any one of the leader's rows; merged in the
/// workbook shufa writes).
struct GroupSheetReader {
    let rules: TallyRules
    let roster: Roster?
    let columns: HeaderColumns

    /// The leader columns needed when no roster says who the leaders are.
    static func required(rules: TallyRules, roster: Roster?) -> [String] {
        [EntryColumns.id, EntryColumns.subject] + (roster == nil ? [EntryColumns.role] : [])
            + EntryColumns.counts(grades: rules.grades)
    }

    func read(_ rows: ArraySlice<SheetRows.Row>) -> (leaders: [RatedLeader], problems: [TallyProblem]) {
        var builder = RatedLeaderBuilder(rules: rules, roster: roster)
        let counts = EntryColumns.counts(grades: rules.grades)
        let perLeader = [rules.special.name, EntryColumns.veto]
        for row in rows where columns.hasText(counts + perLeader + [EntryColumns.id, EntryColumns.subject], in: row) {
            let id = columns.text(EntryColumns.id, in: row)
            guard !id.isEmpty else {
                if columns.hasText(counts + perLeader, in: row) {
                    builder.problem(.error, .missingID, at: columns.place(row))
                }
                continue
            }
            guard builder.admit(id, written: leaderFields(row), at: columns.place(row)) else { continue }
            for name in perLeader where !columns.text(name, in: row).isEmpty {
                builder.note(name, columns.text(name, in: row), for: id, at: columns.cell(name, in: row))
            }
            guard columns.hasText(counts, in: row) else { continue }
            let subject = columns.text(EntryColumns.subject, in: row)
            guard rules.subjects.contains(where: { $0.name == subject }) else {
                builder.problem(
                    .error, .unknownSubject(subject, known: rules.subjects.map(\.name)),
                    at: columns.cell(EntryColumns.subject, in: row), leader: id)
                continue
            }
            if let counts = voteCounts(row, id: id, subject: subject, builder: &builder) {
                builder.add(
                    Evaluation(subject: subject, counts: counts, location: columns.place(row)), to: id, row: row.number)
            }
        }
        return builder.finish()
    }

    private func leaderFields(_ row: SheetRows.Row) -> [String: String] {
        Dictionary(uniqueKeysWithValues: EntryColumns.leader.map { ($0, columns.text($0, in: row)) })
    }

    /// The counts of a row; nil (with problems) when a cell is not a count or a needed one is empty.
    private func voteCounts(
        _ row: SheetRows.Row, id: String, subject: String, builder: inout RatedLeaderBuilder
    ) -> VoteCounts? {
        var values: [String: Int] = [:]
        var broken = false
        for name in EntryColumns.counts(grades: rules.grades) {
            let text = columns.text(name, in: row)
            if text.isEmpty {
                if EntryColumns.attendance.contains(name) {
                    builder.problem(
                        .error, .missingCount, at: columns.cell(name, in: row), leader: id, subject: subject)
                    broken = true
                }
                continue
            }
            guard let count = TypedNumber.count(text) else {
                builder.problem(.error, .notACount(text), at: columns.cell(name, in: row), leader: id, subject: subject)
                broken = true
                continue
            }
            values[name] = count
        }
        guard !broken else { return nil }
        return VoteCounts(
            expected: values[EntryColumns.expected], present: values[EntryColumns.present],
            issued: values[EntryColumns.issued], returned: values[EntryColumns.returned] ?? 0,
            votes: rules.grades.map { values[$0] ?? 0 },
            abstained: values[EntryColumns.abstained] ?? 0, spoiled: values[EntryColumns.spoiled] ?? 0)
    }
}
