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
