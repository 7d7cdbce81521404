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
