/// A 测评 that counted, with what it gives: the score (得分, points per vote averaged over valid votes),
/// 优秀率 and 好评率 (优秀 and 良好 over valid votes).
public struct SubjectResult: Sendable, Equatable, Encodable {
    public var subject: String
    public var counts: VoteCounts
    /// 0–100 with the default points.
    public var score: Double
    /// 优秀 votes over valid votes.
    public var excellentRate: Double
    /// 优秀 and 良好 votes over valid votes.
    public var goodRate: Double
}

/// Which rule decided a leader's grade, when the score bands alone did not.
public enum GradeRule: String, Sendable, Encodable {
    /// 一票否决: a veto reason was entered.
    case veto
    /// 较差 votes reached the catalog's share of a 测评's valid votes.
    case poorVotes = "poor-votes"
    /// The 序列's quota for the band's grade was used up: the next grade.
    case quota
    /// Tied at a quota boundary: 并列，需研究确定.
    case tie
}

/// Leaders tied at a quota boundary: more of them than places left for `grade`.
public struct TieAtBoundary: Sendable, Equatable, Encodable {
    /// The grade whose places are contested.
    public var grade: String
    /// The grade the others get.
    public var otherGrade: String
    /// The places left for `grade`.
    public var places: Int
    /// The tied leaders' 编号.
    public var leaders: [String]
    /// The composite they share.
    public var composite: Double
}

/// A leader's tally: the 测评 that counted, the composite, the proposed grade and why.
public struct LeaderResult: Sendable, Equatable {
    public var leader: RatedLeader
    public var series: String
    public var subjects: [SubjectResult]
    /// 综合得分, rounded to hundredths (the precision that decides ranks and ties).
    public var composite: Double
    /// The grade the bands give before quotas and rules.
    public var bandGrade: String
    /// 建议等次; nil while tied at a quota boundary.
    public var grade: String?
    public var rule: GradeRule?
    /// The tie, when tied at a quota boundary.
    public var tie: TieAtBoundary?
    /// Place in the 序列 by composite (equal composites share a place).
    public var rank: Int
    /// 备注 lines.
    public var notes: [String]
    /// The 测评 whose 较差 votes triggered the poor-votes rule.
    public var poorVotesSubject: String?

    /// 建议等次 as printed: the grade, or 「并列，需研究确定」.
    public var gradeText: String { grade ?? TallyWords.tied }
}
