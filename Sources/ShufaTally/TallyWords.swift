import Foundation

/// The Chinese wording of results in the documents and on the terminal: rules, notes, quota use.
public enum TallyWords {
    /// What a tied leader gets instead of a grade.
    public static let tied = "并列，需研究确定"

    /// The rule that decided, as the summary's 依据 column prints it.
    public static func rule(_ rule: GradeRule?) -> String {
        switch rule {
        case .veto: return "一票否决"
        case .poorVotes: return "较差票比例"
        case .quota: return "等次比例"
        case .tie: return "并列"
        case nil: return "综合得分"
        }
    }

    /// 备注 lines of a leader.
    static func notes(_ result: LeaderResult, rules: TallyRules) -> [String] {
        var notes: [String] = []
        switch result.rule {
        case .veto: notes.append("一票否决：\(result.leader.veto)")
        case .poorVotes:
            if let subject = result.subjects.first(where: { $0.subject == result.poorVotesSubject }),
                let share = rules.poorVotes
            {
                let poor = subject.counts.votes[subject.counts.votes.count - 1]
                notes.append(
                    "\(subject.subject)\(rules.lowestGrade)票 \(poor) 张，"
                        + "占有效票 \(Percent.text(Double(poor) / Double(subject.counts.valid)))，达到 \(share)"
                )
            }
        case .quota: notes.append("综合得分可评\(result.bandGrade)，本序列\(result.bandGrade)名额已满")
        case .tie:
            if let tie = result.tie {
                notes.append(
                    "\(tie.leaders.count) 人综合得分同为 \(SheetRowsFormat.number(tie.composite))，"
                        + "争 \(tie.places) 个\(tie.grade)名额，\(tied)"
                )
            }
        case nil: break
        }
        let present = Set(result.subjects.map(\.subject))
        for subject in rules.subjects where subject.weight > 0 && !present.contains(subject.name) {
            notes.append("无有效\(subject.name)，按其余权重折算")
        }
        if result.leader.specialScore == nil && rules.special.weight > 0 {
            notes.append("未录入\(rules.special.name)，按测评折算")
        }
        return notes
    }

    /// The quota use of a 序列 in words: 「优秀 3 人，占 15.0%，未超过 20%（名额 4 人）」.
    public static func quotaUse(_ series: SeriesResult, rules: TallyRules) -> [String] {
        let total = series.leaders.count
        return rules.grades.compactMap { grade -> String? in
            guard let quota = rules.quotas[grade], let places = series.quota[grade] else { return nil }
            let count = series.counts[grade] ?? 0
            var text = "\(grade) \(count) 人，占 \(Percent.text(total == 0 ? 0 : Double(count) / Double(total)))，"
            text +=
                count <= places
                ? "未超过 \(quota.share)（名额 \(places) 人，\(quota.rounding.chineseName)）" : "超过 \(quota.share)"
            for tie in series.ties where tie.grade == grade {
                text += "；另有 \(tie.leaders.count) 人综合得分并列，争 \(tie.places) 个名额，需研究确定"
            }
            return text
        }
    }

    /// 「上级评价 40%、单位内部测评 30%、专项工作考核得分 30%」.
    public static func weights(_ rules: TallyRules) -> String {
        let parts = rules.subjects.map { ($0.name, $0.weight) } + [(rules.special.name, rules.special.weight)]
        let total = parts.reduce(0.0) { $0 + $1.1 }
        return parts.map { "\($0.0) \(Percent.text($0.1 / total))" }.joined(separator: "、")
    }

    /// 「优秀 100 分、良好 80 分…」.
    public static func points(_ rules: TallyRules) -> String {
        rules.grades.map { "\($0) \(SheetRowsFormat.number(rules.points[$0] ?? 0)) 分" }.joined(separator: "、")
    }

    /// 「综合得分 90 分以上可评优秀、…」.
    public static func bands(_ rules: TallyRules) -> String {
        rules.bands.map { "\(SheetRowsFormat.number($0.minimum)) 分以上可评\($0.grade)" }.joined(separator: "、")
            + "，其余为\(rules.lowestGrade)"
    }
}
