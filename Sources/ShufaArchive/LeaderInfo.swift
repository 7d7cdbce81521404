/// A leader (述法主体) of one year as the archive knows them, from their documents' properties.
public struct LeaderInfo: Sendable, Equatable, Codable {
    public var year: Int
    /// 编号, 姓名, 单位, 职务, 述法主体类别, 组织.
    public var id: String
    public var name: String
    public var unit: String
    public var position: String
    public var role: String
    public var organization: String

    public init(
        year: Int, id: String, name: String = "", unit: String = "", position: String = "", role: String = "",
        organization: String = ""
    ) {
        self.year = year
        self.id = id
        self.name = name
        self.unit = unit
        self.position = position
        self.role = role
        self.organization = organization
    }

    /// True for the roles whose report the 主要负责人 审核 (领导班子其他成员, 国有企业领导班子成员);
    /// the others are 主要负责人, whose report the 党委（党组） 审定 (seed 004 四（一）).
    public var isTeamMember: Bool { role.contains("班子") }

    /// 「黄志刚（QC006，县司法局 党组书记、局长）」.
    public var label: String {
        let details = [unit, position].filter { !$0.isEmpty }.joined(separator: " ")
        return "\(name.isEmpty ? id : name)（\(id)\(details.isEmpty ? "" : "，" + details)）"
    }
}

/// A leader's result of the 测评 (`shufa tally --json`, issue 13's contract).
public struct LeaderGrade: Sendable, Equatable, Codable {
    public var year: Int
    public var leader: String
    public var series: String?
    public var composite: Double?
    public var grade: String?
    public var rule: String?
    /// The tally file it came from (for messages).
    public var file: String

    public init(
        year: Int, leader: String, series: String?, composite: Double?, grade: String?, rule: String?,
        file: String
    ) {
        self.file = file
        self.year = year
        self.leader = leader
        self.series = series
        self.composite = composite
        self.grade = grade
        self.rule = rule
    }
}
