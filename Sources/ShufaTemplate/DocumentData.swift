import ShufaCatalog
import ShufaRoster
import ShufaText

/// The data each kind of document is filled with, by the field names of `templates/README.md`.
public enum DocumentData {
    /// The fields of every leader document (draft, report, form, tasklist).
    public static let leaderFields = RecordSchema([
        "组织": .text, "年度": .text, "编号": .text, "姓名": .text, "单位": .text, "职务": .text, "类别": .text,
        "署名": .text,
        "述职内容": .texts, "述法内容": .text, "存在问题": .texts, "改进措施": .texts,
        "述法要点": .records(RecordSchema(["序号": .text, "标题": .text, "内容": .text])),
        "指标": .records(RecordSchema(["名称": .text, "数值": .text, "单位": .text, "最低要求": .text, "依据": .text, "状态": .text])),
        "职责清单标题": .text,
        "职责清单": .records(RecordSchema(["序号": .text, "职责": .text,
                                        "任务": .records(RecordSchema(["序号": .text, "内容": .text]))])),
        "清单行": .records(RecordSchema(["序号": .text, "职责": .text, "任务": .text])),
        "评议留白": .records(RecordSchema([:])),
    ])

    /// The fields of a unit's 民主测评表.
    public static let ballotFields = RecordSchema([
        "组织": .text, "年度": .text, "单位": .text,
        "成员": .records(RecordSchema(["序号": .text, "编号": .text, "姓名": .text, "职务": .text, "类别": .text])),
        "紧排": .text,
    ])

    /// The schema for a kind of document.
    public static func fields(for kind: DocumentKind) -> RecordSchema {
        kind == .ballot ? ballotFields : leaderFields
    }

    /// The most 述法内容 points a role has (seed 004 三（一）（二）): a 考核评议表 gets one blank line in its
    /// 评议意见 box (`评议留白`) for every point it has fewer, so every form fills its page alike.
    public static let formRows = 10

    /// A leader's data, with their role's points, minimums and 职责清单, the catalog's place markers
    /// replaced by the roster's place names.
    public static func leader(_ leader: Leader, role: Role, roster: Roster) -> Value {
        self.leader(leader, role: role, shared: RoleData(role, organization: roster.organization), roster: roster)
    }

    /// A leader's data, with what their role gives every leader of it (`RoleData`, made once per batch); with
    /// `names` (a template's, `CompiledTemplate.names`), the 署名 and 指标 only when it reads them.
    public static func leader(
        _ leader: Leader, role: Role, shared: RoleData, roster: Roster, names: Set<String>? = nil
    ) -> Value {
        var record: [String: Value] = [
            "组织": .text(roster.organization), "年度": .text(String(roster.year)), "编号": .text(leader.id),
            "姓名": .text(leader.name), "单位": .text(leader.unit), "职务": .text(leader.position), "类别": .text(leader.role),
            "述职内容": .texts(leader.duty), "述法内容": .text(leader.law),
            "存在问题": .texts(leader.problems), "改进措施": .texts(leader.measures),
            "述法要点": shared.points, "职责清单标题": shared.taskListTitle, "职责清单": shared.duties,
            "清单行": shared.taskRows, "评议留白": shared.formBlanks,
        ]
        if names?.contains("署名") ?? true {
            record["署名"] = .text(
                NameLine.text(name: leader.name, unit: leader.unit, position: leader.position, level: shared.level))
        }
        if names?.contains("指标") ?? true { record["指标"] = .list(indicators(leader, role: role)) }
        return .record(record)
    }

    /// The 职责清单 as table rows, one per task (one for a duty without tasks): every row carries its
    /// duty's number, so a row that starts a page still says which duty it belongs to; the duty's text
    /// stands in its first row.
    static func taskRows(_ list: TaskList?, terms: [String: String]) -> [Value] {
        (list?.duties ?? []).flatMap { duty -> [Value] in
            let tasks = duty.tasks.isEmpty ? [nil] : duty.tasks.map(Optional.some)
            return tasks.enumerated().map { index, task in
                .record(["序号": .text(duty.number), "职责": .text(index == 0 ? Locality.apply(terms, to: duty.text) : ""),
                         "任务": .text(task.map { "\($0.number). " + Locality.apply(terms, to: $0.text) } ?? "")])
            }
        }
    }

    /// A unit's ballot data: its leaders in roster order, their posts fitted to the 职务 column.
    public static func ballot(unit: String, leaders: [Leader], roster: Roster) -> Value {
        let fit = PostFit(posts: leaders.map(\.position))
        return .record([
            "组织": .text(roster.organization), "年度": .text(String(roster.year)), "单位": .text(unit),
            "成员": .list(leaders.enumerated().map { index, leader in
                .record(["序号": .text(String(index + 1)), "编号": .text(leader.id), "姓名": .text(leader.name),
                         "职务": .text(fit.text(leader.position)), "类别": .text(leader.role)])
            }),
            "紧排": .text(fit.small ? "是" : ""),
        ])
    }

    /// The role's minimums with the leader's values, then any other indicator the roster gives.
    static func indicators(_ leader: Leader, role: Role) -> [Value] {
        let required = role.minimums.map { minimum -> Value in
            let value = leader.indicators[minimum.indicator]
            let state = value.map { $0 >= minimum.minimum ? "达标" : "低于最低要求" } ?? "未填报"
            return .record(["名称": .text(minimum.indicator), "数值": .text(value.map(NumberText.plain) ?? ""),
                            "单位": .text(minimum.unit), "最低要求": .text("≥" + NumberText.plain(minimum.minimum)),
                            "依据": .text(minimum.basis), "状态": .text(state)])
        }
        let known = Set(role.minimums.map(\.indicator))
        let others = leader.indicators.filter { !known.contains($0.key) }.sorted { $0.key < $1.key }.map {
            name, value in
            Value.record([
                "名称": .text(name), "数值": .text(NumberText.plain(value)), "单位": .text(""),
                "最低要求": .text("—"), "依据": .text(""), "状态": .text(""),
            ])
        }
        return required + others
    }

    /// The metadata of a leader's document: what it is and for whom, for `shufa check` to read back.
    public static func meta(_ kind: DocumentKind, leader: Leader, roster: Roster) -> DocumentMeta {
        DocumentMeta(title: "\(roster.year)年度\(kind.chineseName)（\(leader.name)）", properties: [
            (MetaProperty.kind, kind.rawValue), (MetaProperty.id, leader.id), (MetaProperty.name, leader.name),
                (MetaProperty.unit, leader.unit), (MetaProperty.position, leader.position),
                (MetaProperty.role, leader.role),
                (MetaProperty.year, String(roster.year)), (MetaProperty.organization, roster.organization),
            ])
    }

    /// The metadata of a unit's ballot.
    public static func ballotMeta(unit: String, roster: Roster) -> DocumentMeta {
        DocumentMeta(title: "\(roster.year)年度\(DocumentKind.ballot.chineseName)（\(unit)）", properties: [
                (MetaProperty.kind, DocumentKind.ballot.rawValue), (MetaProperty.unit, unit),
                (MetaProperty.year, String(roster.year)),
            ])
    }
}
