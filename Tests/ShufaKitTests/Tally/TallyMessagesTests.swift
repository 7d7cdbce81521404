import ShufaTally
import Testing

/// Every message of the tally: Chinese, naming the file, sheet, row and column, or the catalog.
@Suite("ShufaTally: every message is Chinese and names where the problem is")
struct TallyMessagesTests {
    static let kinds: [TallyProblem.Kind] = [
        .notACount("二十"), .badScore("120", maximum: 100), .missingCount, .unknownSubject("群众", known: ["上级评价"]),
        .missingID, .unknownLeader("QC099"), .unknownRole("党组书记"), .nameMismatch(written: "黄志", roster: "黄志刚"),
        .repeatedEvaluation(rows: [3, 9]), .conflictingValues(["发出", "收回"]), .sumMismatch(sum: 19, returned: 20),
        .moreReturnedThanIssued(returned: 21, issued: 20), .noQuorum(present: 5, expected: 20, quorum: Share("1/2")!),
        .morePresentThanExpected(present: 21, expected: 20), .moreIssuedThanPresent(issued: 21, present: 20),
        .noValidVotes, .unknownGrade("很好", known: ["优秀"]), .repeatedBallot(ballot: "4", rows: [13, 32]),
        .missingBallotNumber, .noValidEvaluation, .notEvaluated, .missingSubject("上级评价"), .missingSpecialScore("专项"),
    ]

    @Test("every problem of a 测评 names the file, sheet, row and column")
    func problems() {
        let location = SheetLocation(file: "测评录入表.xlsx", sheet: "测评录入", row: 7, column: "G", header: "优秀")
        for kind in Self.kinds {
            let line = TallyMessages.line(TallyProblem(.error, kind, at: location, leader: "QC006"))
            Wording.expectChinese(line, naming: "测评录入表.xlsx，工作表「测评录入」，第 7 行", "\(kind)")
        }
        #expect(Set(Self.kinds.map(Wording.caseName)).count == 23)
    }

    @Test("why nothing could be tallied, and what is wrong in the tally section of catalog.yaml")
    func errors() {
        let catalog: [CatalogProblem] = [
            .missingSection, .unreadable("缺少「grades」：请补上"), .tooFewGrades, .noSubjects, .duplicateSubject("上级评价"),
            .badWeight("上级评价"), .badMaximum("专项"), .noSubjectWeight, .missingPoints("优秀"),
            .unknownGrade("很好", known: ["优秀"]), .bandForLowestGrade("较差"), .quotaForLowestGrade("较差"),
            .unknownRole("党组书记", series: "县直部门"), .roleInTwoSeries("部门主要负责人", first: "甲", second: "乙"),
            .rolesInNoSeries(["国有企业主要负责人"]), .badShare("二成", context: "优秀比例"),
        ]
        for problem in catalog {
            let text = TallyError.catalog(file: "catalog.yaml", problem: problem).description
            Wording.expectChinese(text, naming: "catalog.yaml", "\(problem)")
        }
        #expect(Set(catalog.map(Wording.caseName)).count == 16)
        let errors: [(TallyError, String)] = [
            (.catalogUnreadable("catalog.yaml 第 3 行：缺少「roles」"), "catalog.yaml"),
            (.unreadable(file: "测评.csv", reason: "文件不存在"), "测评.csv"),
            (.unknownLayout(file: "测评.csv", rows: 10), "测评.csv"),
            (.missingColumns(file: "测评.csv", row: 1, columns: ["编号"]), "测评.csv"),
            (.rosterNeeded(file: "选票.csv"), "选票.csv"), (.roster("名单.csv：文件是空的"), "名单.csv"),
            (.templateMissing(file: "tally-form.fodt", folder: "templates"), "tally-form.fodt"),
            (.template("tally-form.fodt 第 3 段：……"), "tally-form.fodt"),
            (.write(path: "/srv/out/tally.json", reason: "磁盘空间已满"), "/srv/out/tally.json"),
        ]
        for (error, named) in errors { Wording.expectChinese(error.description, naming: named, "\(error)") }
        #expect(Set(errors.map { Wording.caseName($0.0) }).count == 9)
    }
}
