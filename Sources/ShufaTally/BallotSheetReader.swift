import ShufaKit

/// Reads ballots typed in one per row (评价主体, 票号, 编号, 等次), as paper 民主测评表 arrive: each
/// ballot's mark for each leader. A blank 等次 is 弃权; 弃权 and 废票 may be written out.
struct BallotSheetReader {
    let rules: TallyRules
    let roster: Roster
    let columns: HeaderColumns

    static let required = [EntryColumns.subject, EntryColumns.ballot, EntryColumns.id, EntryColumns.grade]

    /// The ballots of one leader in one 测评, by 票号, in file order.
    private struct Group {
        var location: SheetLocation
        var marks: [(ballot: String, grade: String, row: Int)] = []
        var broken = false
    }

    func read(_ rows: ArraySlice<SheetRows.Row>) -> (leaders: [RatedLeader], problems: [TallyProblem]) {
        var builder = RatedLeaderBuilder(rules: rules, roster: roster)
        var groups: [Group] = []
        var groupIndex: [String: Int] = [:]
        var order: [(id: String, subject: String)] = []
        let known = rules.grades + [EntryColumns.abstained, EntryColumns.spoiled]
        for row in rows where columns.hasText(Self.required, in: row) {
            let id = columns.text(EntryColumns.id, in: row), subject = columns.text(EntryColumns.subject, in: row)
            guard !id.isEmpty else { builder.problem(.error, .missingID, at: columns.place(row)); continue }
            guard
                builder.admit(
                    id, written: [EntryColumns.name: columns.text(EntryColumns.name, in: row)], at: columns.place(row))
            else { continue }
            guard rules.subjects.contains(where: { $0.name == subject }) else {
                builder.problem(
                    .error, .unknownSubject(subject, known: rules.subjects.map(\.name)),
                    at: columns.cell(EntryColumns.subject, in: row), leader: id)
                continue
            }
            let key = id + "\u{1}" + subject
            let index: Int
            if let known = groupIndex[key] {
                index = known
            } else {
                index = groups.count
                groupIndex[key] = index
                groups.append(Group(location: columns.place(row)))
                order.append((id, subject))
            }
            let ballot = columns.text(EntryColumns.ballot, in: row), grade = columns.text(EntryColumns.grade, in: row)
            if ballot.isEmpty {
                builder.problem(
                    .error, .missingBallotNumber, at: columns.cell(EntryColumns.ballot, in: row), leader: id,
                    subject: subject)
                groups[index].broken = true
            } else if !grade.isEmpty && !known.contains(grade) {
                builder.problem(
                    .error, .unknownGrade(grade, known: known), at: columns.cell(EntryColumns.grade, in: row),
                    leader: id, subject: subject)
                groups[index].broken = true
            }
            groups[index].marks.append((ballot, grade, row.number))
        }
        for (index, (id, subject)) in order.enumerated() {
            let group = groups[index]
            guard !group.broken, let counts = counts(group, id: id, subject: subject, builder: &builder) else {
                continue
            }
            builder.add(
                Evaluation(subject: subject, counts: counts, location: group.location), to: id,
                row: group.location.row ?? 0)
        }
        return builder.finish()
    }

    /// The counts of a group; nil (with a problem) when a ballot gives the leader twice.
    private func counts(_ group: Group, id: String, subject: String, builder: inout RatedLeaderBuilder) -> VoteCounts? {
        var rowsOf: [String: [Int]] = [:]
        for mark in group.marks { rowsOf[mark.ballot, default: []].append(mark.row) }
        var clean = true
        for mark in group.marks where rowsOf[mark.ballot]!.count > 1 && rowsOf[mark.ballot]!.first == mark.row {
            builder.problem(
                .error, .repeatedBallot(ballot: mark.ballot, rows: rowsOf[mark.ballot]!), at: group.location,
                leader: id, subject: subject)
            clean = false
        }
        guard clean else { return nil }
        let grades = group.marks.map(\.grade)
        return VoteCounts(
            expected: nil, present: nil, issued: nil, returned: grades.count,
            votes: rules.grades.map { grade in grades.filter { $0 == grade }.count },
            abstained: grades.filter { $0.isEmpty || $0 == EntryColumns.abstained }.count,
            spoiled: grades.filter { $0 == EntryColumns.spoiled }.count)
    }
}
