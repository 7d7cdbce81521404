/// One leader who reports (述法主体), as the roster gives them.
public struct Leader: Sendable, Equatable {
    /// 编号: unique in the roster, used in file names.
    public var id: String
    /// 姓名
    public var name: String
    /// 单位
    public var unit: String
    /// 职务
    public var position: String
    /// 类别 (述法主体类别), one of the catalog's roles.
    public var role: String
    /// 述职内容: paragraphs of the general duty report.
    public var duty: [String]
    /// 述法内容: the rule-of-law part, one whole of about 300 characters.
    public var law: String
    /// 存在问题
    public var problems: [String]
    /// 改进措施
    public var measures: [String]
    /// Indicator values (e.g. 中心组学法次数), by name.
    public var indicators: [String: Double]
    /// Where the record is in its file.
    public var location: RecordLocation

    public init(id: String, name: String, unit: String, position: String, role: String, duty: [String] = [],
                law: String = "", problems: [String] = [], measures: [String] = [], indicators: [String: Double] = [:],
                location: RecordLocation) {
        self.id = id
        self.name = name
        self.unit = unit
        self.position = position
        self.role = role
        self.duty = duty
        self.law = law
        self.problems = problems
        self.measures = measures
        self.indicators = indicators
        self.location = location
    }
}

/// Where a record stands in a roster file: the file and the row as the file's reader shows it
/// (a spreadsheet's row number with the header counted, or the record's position in a JSON/YAML list).
public struct RecordLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var file: String
    public var row: Int
    /// "row" for spreadsheets, "record" for JSON and YAML lists.
    public var unit: String

    public init(file: String, row: Int, unit: String = "record") {
        self.file = file
        self.row = row
        self.unit = unit
    }

    public var description: String { "\(file), \(unit) \(row)" }
}

/// A roster: the organisation, the year, and the leaders that could be read.
public struct Roster: Sendable {
    /// 组织
    public var organization: String
    /// 年度
    public var year: Int
    public var leaders: [Leader]
    /// Records left out and warnings, in file order.
    public var problems: [RosterProblem]

    public init(organization: String, year: Int, leaders: [Leader], problems: [RosterProblem] = []) {
        self.organization = organization
        self.year = year
        self.leaders = leaders
        self.problems = problems
    }
}

/// Something wrong in a roster: where, which field, what to do.
public struct RosterProblem: Sendable, Equatable, CustomStringConvertible, Encodable {
    public enum Severity: String, Sendable, Encodable {
        /// The record was left out.
        case error
        /// The record was used; something was corrected or is doubtful.
        case warning
    }

    public var severity: Severity
    public var location: RecordLocation?
    /// The leader's id when known.
    public var leader: String?
    /// The field (column header) concerned.
    public var field: String?
    public var message: String

    public var description: String {
        var text = location?.description ?? "roster"
        if let field { text += ", \(field)" }
        if let leader { text += " (\(leader))" }
        return "\(text): \(severity.rawValue): \(message)"
    }

    enum CodingKeys: String, CodingKey { case severity, file, row, leader, field, message }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(severity, forKey: .severity)
        try container.encodeIfPresent(location?.file, forKey: .file)
        try container.encodeIfPresent(location?.row, forKey: .row)
        try container.encodeIfPresent(leader, forKey: .leader)
        try container.encodeIfPresent(field, forKey: .field)
        try container.encode(message, forKey: .message)
    }
}

/// A roster that cannot be read at all.
public struct RosterError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String
    public var description: String { "\(file): \(message)" }
}
