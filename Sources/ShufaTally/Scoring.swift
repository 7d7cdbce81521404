/// Scores a leader's valid 测评 and the composite (综合得分): each 评价主体's score and the 专项工作考核
/// score (scaled to 100) weighted by the catalog's weights; a missing part leaves the weights of the others.
struct Scoring {
    let rules: TallyRules

    func subject(_ evaluation: Evaluation) -> SubjectResult {
        let counts = evaluation.counts
        let valid = Double(counts.valid)
        let points = zip(rules.grades, counts.votes).reduce(0.0) { $0 + (rules.points[$1.0] ?? 0) * Double($1.1) }
        let good = counts.votes.prefix(2).reduce(0, +)
        return SubjectResult(
            subject: evaluation.subject, counts: counts, score: points / valid,
            excellentRate: Double(counts.votes[0]) / valid, goodRate: Double(good) / valid)
    }

    /// The composite in hundredths, nil when no part with a weight is there.
    func composite(_ subjects: [SubjectResult], special: Double?) -> Int? {
        var parts = subjects.map { (weight: rules.weight(of: $0.subject), score: $0.score) }
        if let special, rules.special.weight > 0 {
            parts.append((rules.special.weight, special / rules.special.max * 100))
        }
        let total = parts.reduce(0.0) { $0 + $1.weight }
        guard total > 0 else { return nil }
        let value = parts.reduce(0.0) { $0 + $1.weight * $1.score } / total
        return Int((value * 100).rounded())
    }

    /// The first 测评 whose 较差 votes reach the rule's share of its valid votes.
    func poorVotesSubject(_ subjects: [SubjectResult]) -> String? {
        guard let share = rules.poorVotes else { return nil }
        return subjects.first { share.isReached(by: $0.counts.votes[$0.counts.votes.count - 1], of: $0.counts.valid) }?
            .subject
    }
}
