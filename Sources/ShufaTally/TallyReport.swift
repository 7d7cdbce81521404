import ShufaKit

/// What `shufa tally --json` prints and `tally.json` holds:
/// `{"leaders":[{"leader","series","composite","grade","rule",…}], "series":[{"name","leaders","quota",…}],
/// "problems":[…], "documents":[…]}`.
public struct TallyReport: Sendable, Encodable {
    public var result: TallyResult
    public var rules: TallyRules
    /// The files written (paths relative to the output folder).
    public var documents: [BuildSummary.Document]

    enum CodingKeys: String, CodingKey { case file, form, organization, year, leaders, series, problems, documents }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(result.file, forKey: .file)
        try container.encode(result.form, forKey: .form)
        try container.encode(result.organization, forKey: .organization)
        try container.encodeIfPresent(result.year, forKey: .year)
        try container.encode(result.leaders.map(LeaderEntry.init), forKey: .leaders)
        try container.encode(result.series.map { SeriesEntry($0, rules: rules) }, forKey: .series)
        try container.encode(result.problems, forKey: .problems)
        try container.encode(documents, forKey: .documents)
    }

    private struct LeaderEntry: Encodable {
        var leader: String
        var name: String
        var unit: String
        var position: String
        var role: String
        var series: String
        var rank: Int
        var composite: Double
        var grade: String?
        var rule: GradeRule?
        var status: String
        var tie: TieAtBoundary?
        var special: Double?
        var veto: String?
        var subjects: [SubjectEntry]
        var notes: [String]

        init(_ result: LeaderResult) {
            leader = result.leader.id
            name = result.leader.name
            unit = result.leader.unit
            position = result.leader.position
            role = result.leader.role
            series = result.series
            rank = result.rank
            composite = result.composite
            grade = result.grade
            rule = result.rule
            status = result.gradeText
            tie = result.tie
            special = result.leader.specialScore
            veto = result.leader.veto.isEmpty ? nil : result.leader.veto
            subjects = result.subjects.map(SubjectEntry.init)
            notes = result.notes
        }

        enum CodingKeys: String, CodingKey {
            case leader, name, unit, position, role, series, rank, composite, grade, rule, status, tie, special, veto,
                subjects, notes
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(leader, forKey: .leader)
            try container.encode(name, forKey: .name)
            try container.encode(unit, forKey: .unit)
            try container.encode(position, forKey: .position)
            try container.encode(role, forKey: .role)
            try container.encode(series, forKey: .series)
            try container.encode(rank, forKey: .rank)
            try container.encode(composite, forKey: .composite)
            try container.encode(grade, forKey: .grade)
            try container.encode(rule, forKey: .rule)
            try container.encode(status, forKey: .status)
            try container.encodeIfPresent(tie, forKey: .tie)
            try container.encode(special, forKey: .special)
            try container.encodeIfPresent(veto, forKey: .veto)
            try container.encode(subjects, forKey: .subjects)
            try container.encode(notes, forKey: .notes)
        }
    }

    private struct SubjectEntry: Encodable {
        var subject: String
        var counts: VoteCounts
        var score: Double
        var excellentRate: Double
        var goodRate: Double

        init(_ result: SubjectResult) {
            subject = result.subject
            counts = result.counts
            score = Self.rounded(result.score, 100)
            excellentRate = Self.rounded(result.excellentRate, 10_000)
            goodRate = Self.rounded(result.goodRate, 10_000)
        }

        private static func rounded(_ value: Double, _ scale: Double) -> Double { (value * scale).rounded() / scale }
    }

    private struct SeriesEntry: Encodable {
        var name: String
        var leaders: Int
        var ranking: [String]
        var quota: [String: Int]
        var counts: [String: Int]
        var tied: Int
        var ties: [TieAtBoundary]
        var quotaUse: [String]

        init(_ series: SeriesResult, rules: TallyRules) {
            name = series.name
            leaders = series.leaders.count
            ranking = series.leaders
            quota = series.quota
            counts = series.counts
            tied = series.ties.reduce(0) { $0 + $1.leaders.count }
            ties = series.ties
            quotaUse = TallyWords.quotaUse(series, rules: rules)
        }
    }
}
