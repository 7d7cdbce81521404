import Foundation
import ShufaKit
@testable import ShufaTally
import Testing

@Suite("Tally: reading entry tables and ballot files")
struct TallyInputTests {
    let rules = TallyFixture.rules

    @Test("a bad cell is named by file, row, column letter and header, and only its 测评 is left out")
    func badCells() throws {
        var bad = TallyFixture.good("QC006", "上级评价")
        bad.counts[4] = -3
        var text = String(decoding: TallyFixture.csv([bad, TallyFixture.good("QC006", "单位内部测评")]), as: UTF8.self)
        text = text.replacingOccurrences(of: ",-3,", with: ",二十,")
        let input = try TallyInputReader(rules: rules, roster: TallyFixture.roster).read(
            Data(text.utf8), file: "测评.csv")
        let problem = try #require(input.problems.first { $0.kind == .notACount("二十") })
        #expect(problem.location == SheetLocation(file: "测评.csv", row: 2, column: "G", header: "优秀"))
        #expect(TallyMessages.line(problem).hasPrefix("测评.csv，第 2 行，G 列（优秀）（编号 QC006）：错误：「二十」不是 0 或正整数"))
        #expect(input.leaders.first { $0.id == "QC006" }?.evaluations.map(\.subject) == ["单位内部测评"])
    }

    @Test("unknown and repeated leaders, unknown 评价主体, conflicting per-leader values are reported with their rows")
    func unknownAndRepeated() throws {
        var conflicting = TallyFixture.good("QC020", "单位内部测评", special: "80")
        conflicting.special = "85"
        let rows = [
            TallyFixture.good("QX999", "上级评价"), TallyFixture.good("QC006", "上级评价"), TallyFixture.good("QC006", "上级评价"),
            TallyFixture.good("QC006", "群众评议"), TallyFixture.good("QC020", "上级评价", special: "80"), conflicting,
        ]
        let result = try TallyFixture.tally(rows)
        let codes = Set(
            result.problems.filter { $0.severity == .error }.map { "\($0.leader ?? "")/\(TallyMessages.code($0.kind))" }
        )
        #expect(
            codes.isSuperset(of: [
                "QX999/unknown-leader", "QC006/repeated-evaluation", "QC006/unknown-subject",
                "QC020/conflicting-values", "QC019/not-evaluated",
            ]))
        let repeated = try #require(result.problems.first { $0.kind == .repeatedEvaluation(rows: [3, 4]) })
        #expect(repeated.message.contains("第 3、4 行"))
        #expect(!result.leaders.contains { ["QC006", "QC020", "QX999"].contains($0.leader.id) })
    }

    @Test("the entry workbook's sheet is named in messages, read from the .xlsx shufa wrote")
    func sheetNamed() throws {
        let directory = Repo.temporaryDirectory()
        let documents = try TallyEntryDocuments(templates: Repo.templates).write(
            TallyFixture.roster, catalog: Repo.catalog, into: try TallyFixture.outputFolder(directory))
        let xlsx = directory.appendingPathComponent(try #require(documents.first { $0.path.hasSuffix(".xlsx") }).path)
        let input = try TallyInputReader(rules: rules, roster: nil).read(xlsx)
        #expect(input.form == .groups && input.year == 2025 && input.organization == "青川县")
        #expect(input.leaders.count == 22 && input.leaders.allSatisfy { $0.evaluations.isEmpty })
        let result = TallyCalculator(rules: rules).tally(input, file: xlsx.lastPathComponent)
        let problem = try #require(result.problems.first { $0.leader == "QC001" })
        #expect(problem.kind == .noValidEvaluation)
        #expect(TallyMessages.place(problem.location!) == "测评录入表.xlsx，工作表「测评录入」，第 3 行")
    }

    @Test("ballots one per row: counted per leader and 评价主体; blank is 弃权; a ballot twice or an unknown 等次 voids the 测评")
    func ballots() throws {
        var lines = ["评价主体,票号,编号,等次"]
        for ballot in 1...10 {
            lines.append("单位内部测评,\(ballot),QC006,\(ballot <= 6 ? "优秀" : ballot <= 8 ? "良好" : ballot == 9 ? "" : "废票")")
            lines.append("单位内部测评,\(ballot),QC020,\(ballot == 3 ? "优" : "良好")")
            lines.append("上级评价,\(ballot),QC019,较差")
        }
        lines.append("上级评价,4,QC019,优秀")
        let input = try TallyInputReader(rules: rules, roster: TallyFixture.roster).read(
            Data(lines.joined(separator: "\r\n").utf8),
            file: "选票.csv")
        #expect(input.form == .ballots)
        let counts = try #require(input.leaders.first { $0.id == "QC006" }?.evaluations.first?.counts)
        #expect(
            counts
                == VoteCounts(
                    expected: nil, present: nil, issued: nil, returned: 10, votes: [6, 2, 0, 0], abstained: 1,
                    spoiled: 1))
        #expect(
            input.problems.contains {
                $0.leader == "QC020" && $0.kind == .unknownGrade("优", known: rules.grades + ["弃权", "废票"])
                    && $0.location?.row == 9 && $0.location?.column == "D"
            })
        #expect(
            input.problems.contains { $0.leader == "QC019" && $0.kind == .repeatedBallot(ballot: "4", rows: [13, 32]) })
        #expect(input.leaders.first { $0.id == "QC020" }?.evaluations.isEmpty == true)
        #expect(throws: TallyError.rosterNeeded(file: "选票.csv")) {
            try TallyInputReader(rules: rules, roster: nil).read(
                Data(lines.joined(separator: "\n").utf8), file: "选票.csv")
        }
    }

    @Test("a file of neither form, or missing count columns, cannot be tallied: one Chinese message naming the file")
    func layouts() {
        #expect(throws: TallyError.unknownLayout(file: "x.csv", rows: 10)) {
            try TallyInputReader(rules: rules, roster: nil).read(Data("编号,姓名\nQC001,甲\n".utf8), file: "x.csv")
        }
        #expect(throws: TallyError.missingColumns(file: "x.csv", row: 1, columns: ["类别", "发出票数"])) {
            try TallyInputReader(rules: rules, roster: nil).read(
                Data("编号,评价主体,应到人数,实到人数,收回票数,优秀,良好,一般,较差,弃权,废票\n".utf8), file: "x.csv")
        }
        #expect(TallyError.unreadable(file: "x.xlsx", reason: "r").description.hasPrefix("x.xlsx：无法读取"))
    }

    @Test("catalog.yaml's tally section is checked: a role in no 序列, a quota on the lowest grade, a bad share")
    func catalogChecks() throws {
        let text = try String(contentsOf: Repo.templates.appendingPathComponent("catalog.yaml"), encoding: .utf8)
        for (from, to, expected) in [
            (
                "      roles: [国有企业主要负责人, 国有企业领导班子成员]", "      roles: [国有企业主要负责人]",
                CatalogProblem.rolesInNoSeries(["国有企业领导班子成员"])
            ),
            ("    优秀: {share: \"20%\", rounding: down}", "    较差: {share: \"20%\"}", .quotaForLowestGrade("较差")),
            ("    poorVotes: \"1/3\"", "    poorVotes: \"三分之一\"", .badShare("三分之一", context: "rules.poorVotes")),
        ] {
            let directory = Repo.temporaryDirectory()
            let url = directory.appendingPathComponent("catalog.yaml")
            #expect(text.contains(from))
            try text.replacingOccurrences(of: from, with: to).write(to: url, atomically: true, encoding: .utf8)
            #expect(throws: TallyError.catalog(file: "catalog.yaml", problem: expected)) {
                try TallyRules.load(from: url, catalog: Repo.catalog)
            }
        }
    }
}
