import ShufaKit

/// Gathers the leaders of an input file as its rows are read: who they are (from the roster, or from the
/// file's own columns), their 测评 by 评价主体, their per-leader values; then settles repeats and
/// conflicts and lists the roster's leaders nobody rated.
struct RatedLeaderBuilder {
    let rules: TallyRules
    let roster: Roster?
    private let rosterIndex: [String: Leader]
    private var order: [String] = []
    private var leaders: [String: RatedLeader] = [:]
    /// The ids taken so far (looked up on every row).
    private var admitted = Set<String>()
    private var evaluations: [String: [(evaluation: Evaluation, row: Int)]] = [:]
    private var values: [String: [String: [(text: String, at: SheetLocation)]]] = [:]
    /// Ids refused with an error (unknown, no series): reported once, never counted.
    private var refused = Set<String>()
    private(set) var problems: [TallyProblem] = []

    init(rules: TallyRules, roster: Roster?) {
        self.rules = rules
        self.roster = roster
        rosterIndex = Dictionary((roster?.leaders ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func problem(
        _ severity: TallyProblem.Severity, _ kind: TallyProblem.Kind, at location: SheetLocation?,
        leader: String? = nil, subject: String? = nil
    ) {
        problems.append(TallyProblem(severity, kind, at: location, leader: leader, subject: subject))
    }

    /// Takes the leader `id` named on a row; false (with a problem, once per leader) when they cannot be rated.
    /// `written` (the row's leader columns) and `location` are only looked at for a leader not seen before.
    mutating func admit(
        _ id: String, written readWritten: @autoclosure () -> [String: String],
        at readLocation: @autoclosure () -> SheetLocation
    ) -> Bool {
        if admitted.contains(id) { return true }
        let written = readWritten(), location = readLocation()
        guard !refused.contains(id) else { return false }
        let leader: RatedLeader
        if roster != nil {
            guard let known = rosterIndex[id] else {
                refuse(id, .unknownLeader(id), at: location)
                return false
            }
            let name = written[EntryColumns.name] ?? ""
            if !name.isEmpty && name != known.name {
                problem(.warning, .nameMismatch(written: name, roster: known.name), at: location, leader: id)
            }
            leader = RatedLeader(
                id: id, name: known.name, unit: known.unit, position: known.position, role: known.role,
                evaluations: [], specialScore: nil, veto: "", location: location)
        } else {
            leader = RatedLeader(
                id: id, name: written[EntryColumns.name] ?? "", unit: written[EntryColumns.unit] ?? "",
                position: written[EntryColumns.position] ?? "", role: written[EntryColumns.role] ?? "",
                evaluations: [], specialScore: nil, veto: "", location: location)
        }
        guard rules.series(ofRole: leader.role) != nil else {
            refuse(id, .unknownRole(leader.role), at: location)
            return false
        }
        order.append(id)
        admitted.insert(id)
        leaders[id] = leader
        return true
    }

    private mutating func refuse(_ id: String, _ kind: TallyProblem.Kind, at location: SheetLocation) {
        refused.insert(id)
        problem(.error, kind, at: location, leader: id)
    }

    /// A per-leader value (专项工作考核得分, 一票否决事由) written on one of the leader's rows.
    mutating func note(_ column: String, _ text: String, for id: String, at location: SheetLocation) {
        values[id, default: [:]][column, default: []].append((text, location))
    }

    /// A 测评 of the leader `id`, read from row `row`.
    mutating func add(_ evaluation: Evaluation, to id: String, row: Int) {
        evaluations[id, default: []].append((evaluation, row))
    }

    /// The leaders in roster order (or the file's, without a roster), each 测评 once, and every problem.
    mutating func finish() -> (leaders: [RatedLeader], problems: [TallyProblem]) {
        var result: [RatedLeader] = []
        let ids = roster.map { $0.leaders.map(\.id).filter { leaders[$0] != nil } } ?? order
        for id in ids {
            guard var leader = leaders[id], settleValues(&leader) else { continue }
            leader.evaluations = settleRepeats(id)
            result.append(leader)
        }
        for leader in roster?.leaders ?? [] where leaders[leader.id] == nil && !refused.contains(leader.id) {
            problem(.error, .notEvaluated, at: nil, leader: leader.id)
        }
        return (result, problems)
    }

    /// One 测评 per 评价主体: a subject entered on several rows is reported and none of them counted.
    private mutating func settleRepeats(_ id: String) -> [Evaluation] {
        let entries = evaluations[id] ?? []
        var kept: [Evaluation] = []
        for subject in rules.subjects.map(\.name) {
            let rows = entries.filter { $0.evaluation.subject == subject }
            if rows.count == 1 { kept.append(rows[0].evaluation) }
            if rows.count > 1 {
                problem(
                    .error, .repeatedEvaluation(rows: rows.map(\.row)), at: rows[0].evaluation.location, leader: id,
                    subject: subject)
            }
        }
        return kept
    }

    /// Sets the leader's 专项工作考核得分 and 一票否决事由; false (with a problem) when they conflict or the
    /// score is no score.
    private mutating func settleValues(_ leader: inout RatedLeader) -> Bool {
        let written = values[leader.id] ?? [:]
        for entries in written.sorted(by: { $0.key < $1.key }).map(\.value) {
            let distinct = entries.map(\.text).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            guard distinct.count == 1 else {
                problem(.error, .conflictingValues(distinct), at: entries[1].at, leader: leader.id)
                return false
            }
        }
        leader.veto = written[EntryColumns.veto]?.first?.text ?? ""
        guard let score = written[rules.special.name]?.first else { return true }
        guard let value = TypedNumber.number(score.text), value >= 0, value <= rules.special.max else {
            problem(.error, .badScore(score.text, maximum: rules.special.max), at: score.at, leader: leader.id)
            return false
        }
        leader.specialScore = value
        return true
    }
}
