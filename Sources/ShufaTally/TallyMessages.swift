import Foundation

/// Every text a clerk reads about the tally's input and errors, in Chinese, made here and nowhere else.
public enum TallyMessages {
    /// Where: 「测评.xlsx，工作表「测评录入」，第 7 行，L 列（优秀）」.
    public static func place(_ location: SheetLocation) -> String {
        var parts = [location.file]
        if let sheet = location.sheet { parts.append("工作表「\(sheet)」") }
        if let row = location.row { parts.append("第 \(row) 行") }
        if let column = location.column { parts.append(location.header.map { "\(column) 列（\($0)）" } ?? "\(column) 列") }
        return parts.joined(separator: "，")
    }

    /// The whole line: where, for whom, what.
    public static func line(_ problem: TallyProblem) -> String {
        var head = problem.location.map(place) ?? ""
        if let leader = problem.leader { head += head.isEmpty ? "编号 \(leader)" : "（编号 \(leader)）" }
        let mark = problem.severity == .error ? "错误" : "提醒"
        return "\(head)：\(mark)：\(problem.message)"
    }

    static func text(_ problem: TallyProblem) -> String {
        let subject = problem.subject.map { "「\($0)」" } ?? ""
        switch problem.kind {
        case .notACount(let text): return "「\(text)」不是 0 或正整数：请填写票数或人数，不带单位；\(subject)测评未计入"
        case .badScore(let text, let maximum):
            return "「\(text)」不是 0 至 \(SheetRowsFormat.number(maximum)) 之间的分数：请改正；该领导干部未计入"
        case .missingCount: return "\(subject)测评已填写票数，但此栏为空：应到、实到、发出、收回人数（票数）都要填写；该测评未计入"
        case .unknownSubject(let text, let known):
            return "评价主体「\(text)」不在 catalog.yaml 中（可用：\(known.joined(separator: "、"))）；该行未计入"
        case .missingID: return "该行没有编号：请填写被评议人编号；该行未计入"
        case .unknownLeader(let id): return "编号「\(id)」不在名单中；该行未计入"
        case .unknownRole(let role): return "类别「\(role)」不属于任何考核序列（见 catalog.yaml 的 tally.series）；该领导干部未计入"
        case .nameMismatch(let written, let roster): return "姓名「\(written)」与名单中的「\(roster)」不一致，按名单计"
        case .repeatedEvaluation(let rows):
            return "\(subject)测评重复录入（第 \(rows.map(String.init).joined(separator: "、")) 行）：无法确定以哪一行为准，均未计入"
        case .conflictingValues(let values):
            return "同一领导干部的各行填写不一致（\(values.map { "「\($0)」" }.joined(separator: "、"))）：只填一处；该领导干部未计入"
        case .sumMismatch(let sum, let returned):
            return "\(subject)测评优秀、良好、一般、较差、弃权、废票合计 \(sum) 票，与收回票数 \(returned) 不符；该测评未计入"
        case .moreReturnedThanIssued(let returned, let issued):
            return "\(subject)测评收回 \(returned) 票，多于发出 \(issued) 票，该次测评无效；未计入"
        case .noQuorum(let present, let expected, let quorum):
            return
                "\(subject)测评实到 \(present) 人，未超过应到 \(expected) 人的\(quorum == Share("1/2") ? "半数" : "\(quorum)")，"
                    + "该次测评无效；未计入"
        case .morePresentThanExpected(let present, let expected):
            return "\(subject)测评实到 \(present) 人，多于应到 \(expected) 人；该测评未计入"
        case .moreIssuedThanPresent(let issued, let present): return "\(subject)测评发出 \(issued) 票，多于实到 \(present) 人，请核对"
        case .noValidVotes: return "\(subject)测评没有有效票（均为弃权或废票）；该测评未计入"
        case .unknownGrade(let text, let known):
            return "等次「\(text)」无法识别（可填：\(known.joined(separator: "、"))，空白按弃权）；\(subject)测评未计入"
        case .repeatedBallot(let ballot, let rows):
            return
                "票号 \(ballot) 对同一被评议人录入了 \(rows.count) 次（第 \(rows.map(String.init).joined(separator: "、")) 行）；"
                    + "\(subject)测评未计入"
        case .missingBallotNumber: return "该行没有票号；\(subject)测评未计入"
        case .noValidEvaluation: return "没有一次有效测评，未评定等次"
        case .notEvaluated: return "名单中有此人，但没有任何测评录入，未评定等次"
        case .missingSubject(let name): return "没有\(name)的有效测评，综合得分按其余各项权重折算"
        case .missingSpecialScore(let name): return "未录入\(name)，综合得分按测评各项权重折算"
        }
    }

    /// A short, stable id of each kind of problem, for programs reading `--json`.
    static func code(_ kind: TallyProblem.Kind) -> String {
        switch kind {
        case .notACount: return "not-a-count"
        case .badScore: return "bad-score"
        case .missingCount: return "missing-count"
        case .unknownSubject: return "unknown-subject"
        case .missingID: return "missing-id"
        case .unknownLeader: return "unknown-leader"
        case .unknownRole: return "unknown-role"
        case .nameMismatch: return "name-mismatch"
        case .repeatedEvaluation: return "repeated-evaluation"
        case .conflictingValues: return "conflicting-values"
        case .sumMismatch: return "sum-mismatch"
        case .moreReturnedThanIssued: return "more-returned-than-issued"
        case .noQuorum: return "no-quorum"
        case .morePresentThanExpected: return "more-present-than-expected"
        case .moreIssuedThanPresent: return "more-issued-than-present"
        case .noValidVotes: return "no-valid-votes"
        case .unknownGrade: return "unknown-grade"
        case .repeatedBallot: return "repeated-ballot"
        case .missingBallotNumber: return "missing-ballot-number"
        case .noValidEvaluation: return "no-valid-evaluation"
        case .notEvaluated: return "not-evaluated"
        case .missingSubject: return "missing-subject"
        case .missingSpecialScore: return "missing-special-score"
        }
    }

    static func text(_ error: TallyError) -> String {
        switch error {
        case .catalog(let file, let problem): return "\(file) 的 tally 部分：\(text(problem))；请改正后再运行"
        case .catalogUnreadable(let reason): return "无法读取 catalog.yaml：\(reason)"
        case .unreadable(let file, let reason): return "\(file)：无法读取：\(reason)"
        case .unknownLayout(let file, let rows):
            return "\(file)：前 \(rows) 行中没有表头：测评录入表须有「编号」「评价主体」「收回票数」等列，逐票录入须有「评价主体」「票号」「编号」「等次」列"
        case .missingColumns(let file, let row, let columns):
            return "\(file)：表头（第 \(row) 行）缺少列：\(columns.joined(separator: "、"))"
        case .rosterNeeded(let file): return "\(file) 是逐票录入表，需要用 --roster 指定名单，才能知道被评议人的单位、职务和类别"
        case .roster(let reason): return "名单无法读取：\(reason)"
        case .templateMissing(let file, let folder):
            return "模板 \(file) 不在 \(folder)/ 中：请检查 catalog.yaml 的 tally.templates"
        case .template(let reason): return "模板有错误，未写出任何文件：\(reason)"
        case .write(let path, let reason): return "无法写出 \(path)：\(reason)"
        }
    }

    static func text(_ problem: CatalogProblem) -> String {
        switch problem {
        case .missingSection: return "没有 tally 部分（考核评分与等次设置）"
        case .unreadable(let reason): return "无法解析：\(reason)"
        case .tooFewGrades: return "grades 至少要有两个等次"
        case .noSubjects: return "subjects 没有列出评价主体"
        case .duplicateSubject(let name): return "评价主体「\(name)」列了两次"
        case .badWeight(let name): return "「\(name)」的权重应为 0 或正数"
        case .badMaximum(let name): return "「\(name)」的满分应为正数"
        case .noSubjectWeight: return "至少一个评价主体的权重应大于 0"
        case .missingPoints(let grade): return "points 没有给出「\(grade)」每票的分值"
        case .unknownGrade(let grade, let known): return "「\(grade)」不是考核等次（grades：\(known.joined(separator: "、"))）"
        case .bandForLowestGrade(let grade): return "bands 不应给最低等次「\(grade)」设分数线（未达其他等次即为\(grade)）"
        case .quotaForLowestGrade(let grade): return "quotas 不应限制最低等次「\(grade)」（比例是较高等次的上限）"
        case .unknownRole(let role, let series): return "考核序列「\(series)」中的类别「\(role)」不在 roles 中"
        case .roleInTwoSeries(let role, let first, let second): return "类别「\(role)」同时属于序列「\(first)」和「\(second)」"
        case .rolesInNoSeries(let roles): return "类别 \(roles.map { "「\($0)」" }.joined(separator: "、")) 不属于任何考核序列"
        case .badShare(let text, let context): return "\(context) 的比例「\(text)」无法识别：写作 20%、1/3 或 0.2"
        }
    }
}

/// Numbers as the tally prints them: 4 rather than 4.0, two decimals at most.
enum SheetRowsFormat {
    static func number(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        if hundredths == (hundredths / 100).rounded() * 100 { return String(Int(hundredths / 100)) }
        return String(format: "%.2f", hundredths / 100)
            .replacingOccurrences(of: #"0$"#, with: "", options: .regularExpression)
    }
}
