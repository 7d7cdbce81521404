import ShufaKit

/// The data the tally's templates are filled with: the printable summary (考核结果汇总) and each leader's
/// 考核评议表 with the 测评 results. Field names are those of `templates/README.md`.
struct TallyDocuments {
    let rules: TallyRules
    let result: TallyResult

    static let formFields = RecordSchema([
        "组织": .text, "年度": .text, "编号": .text, "姓名": .text, "单位": .text, "职务": .text, "类别": .text,
        "序列": .text, "排名": .text,
        "测评": .records(
            RecordSchema([
                "评价主体": .text, "应到实到": .text, "发出收回": .text, "优秀": .text, "良好": .text,
                "一般": .text, "较差": .text, "弃权废票": .text, "好评率": .text, "得分": .text,
            ])),
        "专项工作考核得分": .text, "综合得分": .text, "建议等次": .text, "依据": .text, "备注": .texts,
    ])

    static let summaryFields = RecordSchema([
        "组织": .text, "年度": .text, "统计": .text, "计分说明": .texts, "序列分布图": .text, "单位分布图": .text,
        "序列": .records(
            RecordSchema([
                "序号": .text, "名称": .text, "人数": .text, "比例说明": .texts,
                "成员": .records(
                    RecordSchema([
                        "排名": .text, "姓名": .text, "单位职务": .text, "测评情况": .text,
                        "综合得分": .text, "建议等次": .text, "备注": .text,
                    ])),
            ])),
        "并列": .texts, "问题": .texts,
    ])

    /// Stand-ins for the charts, replaced by drawings after the template is filled.
    static let seriesChartToken = "\u{E000}序列分布图\u{E000}", unitChartToken = "\u{E000}单位分布图\u{E000}"

    private var year: String { result.year.map(String.init) ?? "" }

    // MARK: 考核评议表

    func form(_ leader: LeaderResult) -> Value {
        let size = result.series.first { $0.name == leader.series }?.leaders.count ?? 0
        let evaluations = leader.subjects.map { subject -> Value in
            let counts = subject.counts
            let grades = Dictionary(
                uniqueKeysWithValues: zip(rules.grades, counts.votes).map { ($0, Value.text(String($1))) })
            return .record(
                grades.merging([
                    "评价主体": .text(subject.subject),
                    "应到实到": .text("\(Self.optional(counts.expected))／\(Self.optional(counts.present))"),
                    "发出收回": .text("\(Self.optional(counts.issued))／\(counts.returned)"),
                    "弃权废票": .text("\(counts.abstained)／\(counts.spoiled)"),
                    "好评率": .text(Percent.text(subject.goodRate)), "得分": .text(String(format: "%.2f", subject.score)),
                ]) { $1 })
        }
        return .record([
            "组织": .text(result.organization), "年度": .text(year), "编号": .text(leader.leader.id),
            "姓名": .text(leader.leader.name),
            "单位": .text(leader.leader.unit), "职务": .text(leader.leader.position), "类别": .text(leader.leader.role),
            "序列": .text(leader.series), "排名": .text("\(leader.rank)／\(size)"), "测评": .list(evaluations),
            "专项工作考核得分": .text(leader.leader.specialScore.map(SheetRowsFormat.number) ?? "未录入"),
            "综合得分": .text(String(format: "%.2f", leader.composite)), "建议等次": .text(leader.gradeText),
            "依据": .text(TallyWords.rule(leader.rule)), "备注": .texts(leader.notes),
        ])
    }

    private static func optional(_ count: Int?) -> String { count.map(String.init) ?? "—" }

    // MARK: 考核结果汇总

    func summary() -> Value {
        let series = result.series.enumerated().map { index, series -> Value in
            let members = result.leaders.filter { $0.series == series.name }.map(member)
            return .record([
                "序号": .text(ChineseNumber.text(index + 1)), "名称": .text(series.name),
                "人数": .text(String(series.leaders.count)),
                "比例说明": .texts(TallyWords.quotaUse(series, rules: rules).map { $0 + "。" }), "成员": .list(members),
            ])
        }
        let ties = result.series.flatMap { series in
            series.ties.map { tie in
                let names = tie.leaders.compactMap { id in result.leaders.first { $0.leader.id == id }?.leader.name }
                return "\(series.name)：\(names.joined(separator: "、"))综合得分同为 \(String(format: "%.2f", tie.composite))，"
                    + "争 \(tie.places) 个\(tie.grade)名额，\(TallyWords.tied)（其余为\(tie.otherGrade)）。"
            }
        }
        return .record([
            "组织": .text(result.organization), "年度": .text(year), "统计": .text(statistics()),
            "计分说明": .texts([
                "计分办法：每票 \(TallyWords.points(rules))；综合得分权重 \(TallyWords.weights(rules))；"
                    + "\(TallyWords.bands(rules))；在考核序列内按比例评定，并列不作任意取舍。"
            ]),
            "序列分布图": .text(Self.seriesChartToken), "单位分布图": .text(Self.unitChartToken),
            "序列": .list(series), "并列": .texts(ties),
            "问题": .texts(result.problems.filter { $0.severity == .error }.map(TallyMessages.line)),
        ])
    }

    private func statistics() -> String {
        let graded = result.leaders.filter { $0.grade != nil }.count
        let left = Set(
            result.problems.filter { $0.kind == .noValidEvaluation || $0.kind == .notEvaluated }.compactMap(\.leader)
        ).count
        var text = "本次述法测评共计入 \(result.leaders.count) 人，分 \(result.series.count) 个考核序列，提出建议等次 \(graded) 人"
        if !result.tied.isEmpty { text += "，\(result.tied.count) 人并列需研究确定" }
        if left > 0 { text += "；\(left) 人没有有效测评，未评定等次" }
        return text + "。"
    }

    private func member(_ leader: LeaderResult) -> Value {
        var evaluations = leader.subjects.map { subject in
            let votes = subject.counts.votes.map(String.init).joined(separator: "/")
            return "\(subject.subject)：\(votes)，\(String(format: "%.2f", subject.score))"
        }
        evaluations.append("\(rules.special.name)：\(leader.leader.specialScore.map(SheetRowsFormat.number) ?? "未录入")")
        return .record([
            "排名": .text(String(leader.rank)), "姓名": .text(leader.leader.name),
            "单位职务": .text("\(leader.leader.unit)\n\(leader.leader.position)"),
            "测评情况": .text(evaluations.joined(separator: "\n")),
            "综合得分": .text(String(format: "%.2f", leader.composite)),
            "建议等次": .text(leader.gradeText + (leader.rule.map { "\n（\(TallyWords.rule($0))）" } ?? "")),
            "备注": .text(leader.notes.joined(separator: "；")),
        ])
    }

    // MARK: Charts

    /// The buckets of the charts: the grades, then 待定 for tied leaders.
    private var buckets: [String] { rules.grades + ["待定"] }

    private func counts(_ leaders: [LeaderResult]) -> [Int] {
        rules.grades.map { grade in leaders.filter { $0.grade == grade }.count } + [
            leaders.filter { $0.grade == nil }.count
        ]
    }

    func seriesChart() -> GradeChart {
        GradeChart(
            buckets: buckets,
            bars: result.series.map { series in
                GradeChart.Bar(label: series.name, counts: counts(result.leaders.filter { $0.series == series.name }))
            }, name: "序列分布图")
    }

    func unitChart() -> GradeChart {
        var units: [String] = []
        for leader in result.leaders where !units.contains(leader.leader.unit) { units.append(leader.leader.unit) }
        return GradeChart(
            buckets: buckets,
            bars: units.map { unit in
                GradeChart.Bar(label: unit, counts: counts(result.leaders.filter { $0.leader.unit == unit }))
            }, name: "单位分布图")
    }
}

/// 一, 二, … 十九 for numbering 序列.
enum ChineseNumber {
    static func text(_ number: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if number < 10 { return digits[number] }
        if number < 20 { return "十" + (number % 10 == 0 ? "" : digits[number % 10]) }
        return String(number)
    }
}
