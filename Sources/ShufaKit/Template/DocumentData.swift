/// The data each kind of document is filled with, by the field names of `templates/README.md`.
public enum DocumentData {
    /// The fields of every leader document (draft, report, form, tasklist).
    public static let leaderFields = RecordSchema([
        "组织": .text, "年度": .text, "编号": .text, "姓名": .text, "单位": .text, "职务": .text, "类别": .text,
        "述职内容": .texts, "述法内容": .text, "存在问题": .texts, "改进措施": .texts,
        "述法要点": .records(RecordSchema(["序号": .text, "标题": .text, "内容": .text])),
        "指标": .records(RecordSchema(["名称": .text, "数值": .text, "单位": .text, "最低要求": .text, "依据": .text, "状态": .text])),
        "职责清单标题": .text,
        "职责清单": .records(RecordSchema(["序号": .text, "职责": .text,
                                        "任务": .records(RecordSchema(["序号": .text, "内容": .text]))])),
    ])

    /// The fields of a unit's 民主测评表.
    public static let ballotFields = RecordSchema([
        "组织": .text, "年度": .text, "单位": .text,
        "成员": .records(RecordSchema(["序号": .text, "编号": .text, "姓名": .text, "职务": .text, "类别": .text])),
    ])

    /// The schema for a kind of document.
    public static func fields(for kind: DocumentKind) -> RecordSchema {
        kind == .ballot ? ballotFields : leaderFields
    }

    /// A leader's data, with their role's points, minimums and 职责清单.
    public static func leader(_ leader: Leader, role: Role, roster: Roster) -> Value {
        let points = role.points.enumerated().map { index, point in
            Value.record(["序号": .text(String(index + 1)), "标题": .text(point.title), "内容": .text(point.text)])
        }
        let duties = (role.taskList?.duties ?? []).map { duty in
            Value.record(["序号": .text(duty.number), "职责": .text(duty.text),
                          "任务": .list(duty.tasks.map { .record(["序号": .text($0.number), "内容": .text($0.text)]) })])
        }
        return .record([
            "组织": .text(roster.organization), "年度": .text(String(roster.year)), "编号": .text(leader.id),
            "姓名": .text(leader.name), "单位": .text(leader.unit), "职务": .text(leader.position), "类别": .text(leader.role),
            "述职内容": .texts(leader.duty), "述法内容": .text(leader.law),
            "存在问题": .texts(leader.problems), "改进措施": .texts(leader.measures),
            "述法要点": .list(points), "指标": .list(indicators(leader, role: role)),
            "职责清单标题": .text(role.taskList?.title ?? ""), "职责清单": .list(duties),
        ])
    }

    /// A unit's ballot data: its leaders in roster order.
    public static func ballot(unit: String, leaders: [Leader], roster: Roster) -> Value {
        .record([
            "组织": .text(roster.organization), "年度": .text(String(roster.year)), "单位": .text(unit),
            "成员": .list(leaders.enumerated().map { index, leader in
                .record(["序号": .text(String(index + 1)), "编号": .text(leader.id), "姓名": .text(leader.name),
                         "职务": .text(leader.position), "类别": .text(leader.role)])
            }),
        ])
    }

    /// The role's minimums with the leader's values, then any other indicator the roster gives.
    static func indicators(_ leader: Leader, role: Role) -> [Value] {
        let required = role.minimums.map { minimum -> Value in
            let value = leader.indicators[minimum.indicator]
            let state = value.map { $0 >= minimum.minimum ? "达标" : "低于最低要求" } ?? "未填报"
            return .record(["名称": .text(minimum.indicator), "数值": .text(value.map(format) ?? ""),
                            "单位": .text(minimum.unit), "最低要求": .text("≥" + format(minimum.minimum)),
                            "依据": .text(minimum.basis), "状态": .text(state)])
        }
        let known = Set(role.minimums.map(\.indicator))
        let others = leader.indicators.filter { !known.contains($0.key) }.sorted { $0.key < $1.key }.map { name, value in
            Value.record(["名称": .text(name), "数值": .text(format(value)), "单位": .text(""),
                          "最低要求": .text("—"), "依据": .text(""), "状态": .text("")])
        }
        return required + others
    }

    /// 4 rather than 4.0; 4.5 stays 4.5.
    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }

    /// The metadata of a leader's document: what it is and for whom, for `shufa check` to read back.
    public static func meta(_ kind: DocumentKind, leader: Leader, roster: Roster) -> DocumentMeta {
        DocumentMeta(title: "\(roster.year)年度\(kind.chineseName)（\(leader.name)）", properties: [
            (MetaProperty.kind, kind.rawValue), (MetaProperty.id, leader.id), (MetaProperty.name, leader.name),
            (MetaProperty.unit, leader.unit), (MetaProperty.position, leader.position), (MetaProperty.role, leader.role),
            (MetaProperty.year, String(roster.year)), (MetaProperty.organization, roster.organization),
        ])
    }

    /// The metadata of a unit's ballot.
    public static func ballotMeta(unit: String, roster: Roster) -> DocumentMeta {
        DocumentMeta(title: "\(roster.year)年度\(DocumentKind.ballot.chineseName)（\(unit)）", properties: [
            (MetaProperty.kind, DocumentKind.ballot.rawValue), (MetaProperty.unit, unit), (MetaProperty.year, String(roster.year)),
        ])
    }
}

/// Names of the user-defined metadata shufa writes (LibreOffice: File ▸ Properties ▸ Custom Properties).
public enum MetaProperty {
    public static let kind = "文档类型"
    public static let id = "编号"
    public static let name = "姓名"
    public static let unit = "单位"
    public static let position = "职务"
    public static let role = "述法主体类别"
    public static let year = "年度"
    public static let organization = "组织"
}
