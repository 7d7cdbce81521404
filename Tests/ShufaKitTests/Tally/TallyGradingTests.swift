import Foundation
import PropertyBased
import ShufaKit
@testable import ShufaTally
import Testing

@Suite("Tally: scoring, rules, quotas and ties")
struct TallyGradingTests {
    let rules = TallyFixture.rules
    let subjects = TallyFixture.rules.subjects.map(\.name)

    @Test("catalog.yaml's tally section: two 评价主体, 优秀 at most 20 % rounded down, 较差 from 1/3 较差 votes")
    func defaults() {
        #expect(subjects == ["上级评价", "单位内部测评"])
        #expect(rules.quotas["优秀"]?.share.of(14, rounding: .down) == 2)
        #expect(rules.quotas["优秀"]?.share.of(4, rounding: .down) == 0)
        #expect(rules.series.map(\.name) == ["党政主要负责人", "领导班子其他成员", "国有企业"])
        #expect(rules.poorVotes?.isReached(by: 5, of: 15) == true)
        #expect(rules.poorVotes?.isReached(by: 4, of: 15) == false)
        #expect(Repo.catalog.roles.allSatisfy { rules.series(ofRole: $0.name) != nil })
    }

    @Test("score, 优秀率, 好评率 and the composite follow the catalog's points and weights")
    func scores() throws {
        let result = try TallyFixture.tally([
            TallyFixture.good("QC006", "上级评价", votes: [10, 0, 0, 0], special: "90"),
            TallyFixture.good("QC006", "单位内部测评", votes: [5, 5, 0, 0]),
        ])
        let leader = try #require(result.leaders.first { $0.leader.id == "QC006" })
        let inner = try #require(leader.subjects.first { $0.subject == "单位内部测评" })
        #expect(inner.score == 90 && inner.excellentRate == 0.5 && inner.goodRate == 1)
        // (40 × 100 + 30 × 90 + 30 × 90) / 100
        #expect(leader.composite == 94)
        #expect(result.problems.filter { $0.leader == "QC006" }.isEmpty)
    }

    @Test("一票否决 and 较差 votes reaching 1/3 of the valid votes make a leader 较差, whatever the score")
    func automaticRules() throws {
        var vetoed = TallyFixture.good("QC006", "上级评价", votes: [25, 0, 0, 0], special: "100")
        vetoed.veto = "发生重大违法决策"
        let result = try TallyFixture.tally([
            vetoed, TallyFixture.good("QC020", "上级评价", votes: [10, 0, 0, 5]),
            TallyFixture.good("QC019", "上级评价", votes: [10, 0, 1, 4]),
        ])
        let grades = Dictionary(uniqueKeysWithValues: result.leaders.map { ($0.leader.id, ($0.grade, $0.rule)) })
        #expect(grades["QC006"]! == ("较差", .veto))
        #expect(grades["QC020"]! == ("较差", .poorVotes))
        #expect(grades["QC019"]!.1 != .poorVotes)
        #expect(result.leaders.first { $0.leader.id == "QC020" }!.notes.contains { $0.contains("达到 1/3") })
    }

    @Test("leaders tied at the 优秀 boundary are never split arbitrarily: 并列，需研究确定")
    func tieAtBoundary() throws {
        // 党政主要负责人 of the sample: 14 leaders, 2 places for 优秀; three share the best composite.
        let ids = TallyFixture.leaders.filter { rules.series(ofRole: $0.role) == "党政主要负责人" }.map(\.id)
        #expect(ids.count == 14)
        let rows = ids.enumerated().flatMap { index, id in
            subjects.map {
                TallyFixture.good(
                    id, $0, votes: index < 3 ? [27, 0, 0, 0] : [20 - index, 7 + index, 0, 0], special: "95")
            }
        }
        let result = try TallyFixture.tally(rows)
        let series = try #require(result.series.first { $0.name == "党政主要负责人" })
        #expect(series.quota["优秀"] == 2)
        #expect(series.counts["优秀"] == nil)
        #expect(series.ties.count == 1 && series.ties[0].leaders.count == 3 && series.ties[0].places == 2)
        let tied = result.leaders.filter { $0.tie != nil }
        #expect(Set(tied.map(\.leader.id)) == Set(ids.prefix(3)))
        #expect(tied.allSatisfy { $0.grade == nil && $0.gradeText == "并列，需研究确定" && $0.rule == .tie })
        // The places the tied leaders contend for are held: nobody below them is 优秀.
        #expect(!result.leaders.contains { $0.series == "党政主要负责人" && $0.grade == "优秀" })
        #expect(TallyWords.quotaUse(series, rules: rules)[0].contains("3 人综合得分并列，争 2 个名额，需研究确定"))
    }

    @Test("a 测评 that does not add up, has more returned than issued, or lacks a quorum is void and named")
    func voidGroups() throws {
        let rows = [
            TallyFixture.Row(id: "QC006", subject: "上级评价", counts: [30, 28, 28, 28, 20, 5, 2, 0, 0, 0]),
            TallyFixture.Row(id: "QC006", subject: "单位内部测评", counts: [30, 28, 28, 29, 20, 5, 2, 1, 1, 0]),
            TallyFixture.Row(id: "QC020", subject: "上级评价", counts: [30, 15, 15, 15, 10, 5, 0, 0, 0, 0]),
            TallyFixture.good("QC020", "单位内部测评"),
        ]
        let result = try TallyFixture.tally(rows)
        let codes = result.problems.filter { $0.severity == .error }.map {
            ($0.leader ?? "", TallyMessages.code($0.kind), $0.location?.row ?? 0)
        }
        #expect(codes.contains { $0 == ("QC006", "sum-mismatch", 2) })
        #expect(codes.contains { $0 == ("QC006", "more-returned-than-issued", 3) })
        #expect(codes.contains { $0 == ("QC020", "no-quorum", 4) })
        #expect(!result.leaders.contains { $0.leader.id == "QC006" })
        #expect(result.leaders.first { $0.leader.id == "QC020" }?.subjects.map(\.subject) == ["单位内部测评"])
        #expect(result.leftSomethingOut)
        let message = try #require(result.problems.first { $0.leader == "QC020" && $0.severity == .error }).message
        #expect(message.contains("实到 15 人，未超过应到 30 人的半数"))
    }

    // MARK: Properties

    /// A random 测评: mostly consistent, sometimes not (sum, returned > issued, no quorum, present > expected).
    static let group = zip(
        Gen.int(in: 0...4), Gen.int(in: 0...30).array(of: 4...4), Gen.int(in: 0...3), Gen.int(in: 5...40),
        Gen.int(in: 0...9)
    )
    .map { fault, votes, abstained, expected, present -> [Int] in
        let returned = votes.reduce(0, +) + abstained
        let attendance = max(present * expected / 10, expected / 2 + 1)
        switch fault {
        case 1: return [expected, attendance, returned, returned + 1] + votes + [abstained, 0]
        case 2: return [expected, attendance, max(0, returned - 1), returned] + votes + [abstained, 0]
        case 3: return [expected, expected / 2, returned, returned] + votes + [abstained, 0]
        default:
            return [expected, max(attendance, returned), max(attendance, returned), returned] + votes + [abstained, 0]
        }
    }

    static func isValid(_ counts: [Int]) -> Bool {
        let (expected, present, issued, returned) = (counts[0], counts[1], counts[2], counts[3])
        let valid = counts[4...7].reduce(0, +)
        return valid + counts[8] + counts[9] == returned && returned <= issued && present <= expected
            && present * 2 > expected
            && valid > 0
    }

    /// Every leader of the sample roster with random 测评, special scores and now and then a veto.
    static let entries = zip(
        group.array(of: 44...44), Gen.int(in: 60...100).array(of: 22...22), Gen.int(in: 0...40).array(of: 22...22)
    )
    .map { groups, specials, vetoes -> [TallyFixture.Row] in
        TallyFixture.leaders.enumerated().flatMap { index, leader in
            TallyFixture.rules.subjects.enumerated().map { position, subject in
                var row = TallyFixture.Row(id: leader.id, subject: subject.name, counts: groups[index * 2 + position])
                if position == 0 {
                    row.special = String(specials[index])
                    row.veto = vetoes[index] == 0 ? "违法决策" : ""
                }
                return row
            }
        }
    }

    @Test(
        "whatever the votes: no 序列 exceeds a quota, void 测评 never count, a higher composite never gets a lower grade"
    )
    func properties() throws {
        try Fuzz.check(Self.entries, count: 150, seed: 13) { rows in
            let result = try TallyFixture.tally(rows)
            for series in result.series {
                for (grade, places) in series.quota {
                    let held = series.ties.filter { $0.grade == grade }.reduce(0) { $0 + $1.places }
                    #expect((series.counts[grade] ?? 0) + held <= places, "\(series.name) \(grade)")
                }
                let ordinary = result.leaders.filter {
                    $0.series == series.name && ($0.rule == nil || $0.rule == .quota)
                }
                for a in ordinary {
                    for b in ordinary where a.composite > b.composite {
                        let rank = { (grade: String?) in rules.grades.firstIndex(of: grade ?? "") ?? -1 }
                        #expect(
                            rank(a.grade) <= rank(b.grade),
                            "\(a.leader.id) \(a.composite) \(a.grade ?? "") vs \(b.leader.id)")
                    }
                }
            }
            for leader in result.leaders {
                for subject in leader.subjects {
                    let row = try #require(rows.first { $0.id == leader.leader.id && $0.subject == subject.subject })
                    #expect(Self.isValid(row.counts), "\(leader.leader.id) \(subject.subject) \(row.counts)")
                }
            }
            for row in rows
            where Self.isValid(row.counts)
                && !result.problems.contains(where: { $0.leader == row.id && $0.severity == .error })
            {
                #expect(
                    result.leaders.contains {
                        $0.leader.id == row.id && $0.subjects.contains { $0.subject == row.subject }
                    })
            }
        }
    }

    @Test("SeriesGrader: quotas and monotone grades over random composites, ties everywhere")
    func graderProperties() {
        let grader = SeriesGrader(rules: rules)
        let generator = zip(Gen.int(in: 8_000...10_000).array(of: 1...40), Gen.int(in: 0...6))
        Fuzz.check(generator, count: 400, seed: 7) { composites, coarseness in
            let coarse = composites.map { $0 / (1 << coarseness) * (1 << coarseness) }
            let decisions = grader.grade(
                coarse.map { SeriesGrader.Entry(composite: $0, veto: false, poorVotes: false) })
            let quota = grader.quotas(count: coarse.count)["优秀"]!
            let decided = decisions.filter { $0.grade == "优秀" }.count
            let held = Set(decisions.compactMap { $0.tie }.filter { $0.grade == "优秀" }.map(\.places)).reduce(0, +)
            #expect(decided + held <= quota || decided <= quota && held <= quota)
            #expect(decided <= quota)
            for (a, x) in zip(coarse, decisions) {
                for (b, y) in zip(coarse, decisions) where a > b && x.tie == nil && y.tie == nil {
                    #expect(
                        (rules.grades.firstIndex(of: x.grade!) ?? 0) <= (rules.grades.firstIndex(of: y.grade!) ?? 0))
                }
                for (b, y) in zip(coarse, decisions) where a == b { #expect(x == y) }
            }
        }
    }
}
