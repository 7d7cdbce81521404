/// Grades the leaders of one 考核序列 (seed 004 五（二）「按照规定比例提出考核等次建议」): automatic rules
/// first (一票否决, 较差票 share), then the others by composite, best first, each getting the best grade
/// their score band allows while its quota has places. Leaders with equal composites are one group:
/// when a group is larger than the places left at a quota boundary, none of them is placed — they are
/// 并列，需研究确定, and the places they contend for are held for them.
struct SeriesGrader {
    let rules: TallyRules

    /// A leader to grade: composite in hundredths, and what the automatic rules see.
    struct Entry {
        var composite: Int
        /// A 一票否决 reason, and the catalog applies the rule.
        var veto: Bool
        /// 较差 votes reached the rule's share in some 测评.
        var poorVotes: Bool
    }

    /// The decision for each entry, in the entries' order.
    struct Decision: Equatable {
        var grade: String?
        var rule: GradeRule?
        var tie: (grade: String, otherGrade: String, places: Int)?
        var rank: Int

        static func == (a: Decision, b: Decision) -> Bool {
            a.grade == b.grade && a.rule == b.rule && a.rank == b.rank && a.tie?.grade == b.tie?.grade
                && a.tie?.otherGrade == b.tie?.otherGrade && a.tie?.places == b.tie?.places
        }
    }

    /// The quota of each grade that has one, for a 序列 of `count` leaders.
    func quotas(count: Int) -> [String: Int] {
        rules.quotas.mapValues { $0.share.of(count, rounding: $0.rounding) }
    }

    /// Quotas are maxima of the better grades (the catalog refuses one on the lowest grade), and the automatic
    /// rules only give the lowest grade, so rules never use a quota's places.
    func grade(_ entries: [Entry]) -> [Decision] {
        var decisions = entries.map { _ in Decision(grade: nil, rule: nil, tie: nil, rank: 0) }
        var remaining = quotas(count: entries.count)
        for (index, entry) in entries.enumerated() where entry.veto || entry.poorVotes {
            decisions[index].grade = rules.lowestGrade
            decisions[index].rule = entry.veto ? .veto : .poorVotes
        }
        let others = entries.indices.filter { decisions[$0].grade == nil }.sorted {
            entries[$0].composite > entries[$1].composite
        }
        var start = 0
        while start < others.count {
            var end = start
            while end + 1 < others.count && entries[others[end + 1]].composite == entries[others[start]].composite {
                end += 1
            }
            place(
                Array(others[start...end]), composite: entries[others[start]].composite, remaining: &remaining,
                decisions: &decisions)
            start = end + 1
        }
        let sorted = entries.map(\.composite).sorted(by: >)
        for index in entries.indices {
            decisions[index].rank = 1 + Self.countAbove(entries[index].composite, in: sorted)
        }
        return decisions
    }

    /// Places one group of equal composites.
    private func place(_ group: [Int], composite: Int, remaining: inout [String: Int], decisions: inout [Decision]) {
        let band = rules.bandGrade(Double(composite) / 100)
        var grade = band
        while let left = remaining[grade], left == 0, let next = next(grade) { grade = next }
        let rule: GradeRule? = grade == band ? nil : .quota
        guard let left = remaining[grade], left < group.count, let other = next(grade) else {
            if let left = remaining[grade] { remaining[grade] = max(0, left - group.count) }
            for index in group { decisions[index].grade = grade; decisions[index].rule = rule }
            return
        }
        remaining[grade] = 0
        if let otherLeft = remaining[other] { remaining[other] = max(0, otherLeft - (group.count - left)) }
        for index in group {
            decisions[index].rule = .tie
            decisions[index].tie = (grade, other, left)
        }
    }

    /// How many of `sorted` (descending) are greater than `value`.
    private static func countAbove(_ value: Int, in sorted: [Int]) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] > value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func next(_ grade: String) -> String? {
        guard let index = rules.grades.firstIndex(of: grade), index + 1 < rules.grades.count else { return nil }
        return rules.grades[index + 1]
    }
}
