/// One 考核序列's outcome: its leaders ranked, the quotas and how they were used, the ties.
public struct SeriesResult: Sendable, Equatable {
    public var name: String
    /// The leaders' 编号, best first.
    public var leaders: [String]
    /// Places per grade that has a quota.
    public var quota: [String: Int]
    /// Leaders given each grade (tied leaders not included).
    public var counts: [String: Int]
    public var ties: [TieAtBoundary]
}

/// The whole tally: every leader's result by 序列 (ranked), the 序列, and what was left out or doubtful.
public struct TallyResult: Sendable {
    public var organization: String
    public var year: Int?
    /// The input's form (entry workbook or ballots).
    public var form: TallyInput.Form
    /// The input file's name.
    public var file: String
    /// By 序列 in catalog order, each ranked.
    public var leaders: [LeaderResult]
    public var series: [SeriesResult]
    public var problems: [TallyProblem]

    /// True when some 测评 or leader was left out (an error): the command exits with 1.
    public var leftSomethingOut: Bool { problems.contains { $0.severity == .error } }

    /// The tied leaders, whose grade the committee must decide.
    public var tied: [LeaderResult] { leaders.filter { $0.tie != nil } }
}

/// Turns what was read into results: checks each 测评, scores the valid ones, grades each 序列.
public struct TallyCalculator: Sendable {
    public let rules: TallyRules

    public init(rules: TallyRules) { self.rules = rules }

    public func tally(_ input: TallyInput, file: String) -> TallyResult {
        var problems = input.problems
        var scored: [LeaderResult] = []
        let scoring = Scoring(rules: rules)
        for leader in input.leaders {
            var valid: [Evaluation] = []
            for evaluation in leader.evaluations {
                let found = EvaluationCheck.problems(evaluation, leader: leader.id, rules: rules)
                problems += found
                if !found.contains(where: { $0.severity == .error }) { valid.append(evaluation) }
            }
            let subjects = valid.map(scoring.subject)
            guard !subjects.isEmpty, let composite = scoring.composite(subjects, special: leader.specialScore) else {
                problems.append(TallyProblem(.error, .noValidEvaluation, at: leader.location, leader: leader.id))
                continue
            }
            problems += missingParts(leader, subjects: subjects)
            scored.append(
                LeaderResult(
                    leader: leader, series: rules.series(ofRole: leader.role) ?? "", subjects: subjects,
                    composite: Double(composite) / 100, bandGrade: rules.bandGrade(Double(composite) / 100), grade: nil,
                    rule: nil, tie: nil, rank: 0, notes: [], poorVotesSubject: scoring.poorVotesSubject(subjects)))
        }
        var leaders: [LeaderResult] = []
        var series: [SeriesResult] = []
        for definition in rules.series {
            let members = scored.filter { $0.series == definition.name }
            guard !members.isEmpty else { continue }
            let (graded, result) = grade(members, series: definition.name)
            leaders += graded
            series.append(result)
        }
        return TallyResult(
            organization: input.organization, year: input.year, form: input.form, file: file,
            leaders: leaders, series: series, problems: problems)
    }

    /// Warnings for the parts of the composite a leader lacks.
    private func missingParts(_ leader: RatedLeader, subjects: [SubjectResult]) -> [TallyProblem] {
        var problems: [TallyProblem] = []
        for subject in rules.subjects
        where subject.weight > 0 && !subjects.contains(where: { $0.subject == subject.name }) {
            problems.append(
                TallyProblem(
                    .warning, .missingSubject(subject.name), at: leader.location, leader: leader.id,
                    subject: subject.name))
        }
        if leader.specialScore == nil && rules.special.weight > 0 {
            problems.append(
                TallyProblem(.warning, .missingSpecialScore(rules.special.name), at: leader.location, leader: leader.id)
            )
        }
        return problems
    }

    /// Grades one 序列's leaders; returns them ranked, and the 序列's outcome.
    private func grade(_ members: [LeaderResult], series: String) -> ([LeaderResult], SeriesResult) {
        let grader = SeriesGrader(rules: rules)
        let entries = members.map {
            SeriesGrader.Entry(
                composite: Int(($0.composite * 100).rounded()), veto: rules.veto && !$0.leader.veto.isEmpty,
                poorVotes: $0.poorVotesSubject != nil)
        }
        let decisions = grader.grade(entries)
        var graded = members
        var ties: [String: TieAtBoundary] = [:]
        for (index, decision) in decisions.enumerated() {
            graded[index].grade = decision.grade
            graded[index].rule = decision.rule
            graded[index].rank = decision.rank
            if let tie = decision.tie {
                let key = "\(tie.grade)/\(graded[index].composite)"
                ties[
                    key,
                    default: TieAtBoundary(
                        grade: tie.grade, otherGrade: tie.otherGrade, places: tie.places, leaders: [],
                        composite: graded[index].composite)
                ].leaders.append(graded[index].leader.id)
            }
        }
        for index in graded.indices {
            graded[index].tie =
                graded[index].rule == .tie
                ? ties.values.first { $0.leaders.contains(graded[index].leader.id) } : nil
            graded[index].notes = TallyWords.notes(graded[index], rules: rules)
        }
        let order = graded.indices.sorted { (graded[$0].rank, $0) < (graded[$1].rank, $1) }
        let ranked = order.map { graded[$0] }
        var counts: [String: Int] = [:]
        for leader in ranked { if let grade = leader.grade { counts[grade, default: 0] += 1 } }
        let tieList = ties.values.sorted { $0.composite > $1.composite }
        return (
            ranked,
            SeriesResult(
                name: series, leaders: ranked.map(\.leader.id), quota: grader.quotas(count: members.count),
                counts: counts, ties: tieList)
        )
    }
}
