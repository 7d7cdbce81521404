/// One 测评 of one leader by one 评价主体 as entered: attendance, ballots and votes.
/// Counts a ballot-per-row file cannot know (应到, 实到, 发出) are nil.
public struct VoteCounts: Sendable, Equatable, Encodable {
    /// 应到人数
    public var expected: Int?
    /// 实到人数
    public var present: Int?
    /// 发出票数
    public var issued: Int?
    /// 收回票数
    public var returned: Int
    /// Votes per grade, in the catalog's grade order (优秀, 良好, 一般, 较差).
    public var votes: [Int]
    /// 弃权
    public var abstained: Int
    /// 废票
    public var spoiled: Int

    public init(expected: Int?, present: Int?, issued: Int?, returned: Int, votes: [Int], abstained: Int, spoiled: Int)
    {
        self.expected = expected
        self.present = present
        self.issued = issued
        self.returned = returned
        self.votes = votes
        self.abstained = abstained
        self.spoiled = spoiled
    }

    /// Votes for a grade: 优秀+良好+一般+较差.
    public var valid: Int { votes.reduce(0, +) }

    /// Every ballot accounted for: valid votes, 弃权 and 废票.
    public var accounted: Int { valid + abstained + spoiled }

    enum CodingKeys: String, CodingKey { case expected, present, issued, returned, votes, abstained, spoiled, valid }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(expected, forKey: .expected)
        try container.encodeIfPresent(present, forKey: .present)
        try container.encodeIfPresent(issued, forKey: .issued)
        try container.encode(returned, forKey: .returned)
        try container.encode(votes, forKey: .votes)
        try container.encode(abstained, forKey: .abstained)
        try container.encode(spoiled, forKey: .spoiled)
        try container.encode(valid, forKey: .valid)
    }
}

/// Where something stands in an input file: the file, the sheet, the row as the spreadsheet shows it and
/// the column (letters and header) when one cell is meant.
public struct SheetLocation: Sendable, Equatable, Hashable {
    public var file: String
    public var sheet: String?
    public var row: Int?
    public var column: String?
    public var header: String?

    public init(file: String, sheet: String? = nil, row: Int? = nil, column: String? = nil, header: String? = nil) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.header = header
    }
}

/// One 测评 of a leader as read: who rated, the counts, and where it was written.
public struct Evaluation: Sendable, Equatable {
    /// The 评价主体.
    public var subject: String
    public var counts: VoteCounts
    /// The rows it came from (one row of an entry workbook; the ballots' rows of a ballot file).
    public var location: SheetLocation
}

/// A leader who was rated (被评议人), with every 测评 read for them.
public struct RatedLeader: Sendable, Equatable {
    /// 编号
    public var id: String
    public var name: String
    public var unit: String
    public var position: String
    /// 类别 (述法主体类别), which decides the 考核序列.
    public var role: String
    public var evaluations: [Evaluation]
    /// 专项工作考核得分, when entered.
    public var specialScore: Double?
    /// 一票否决事由, when any.
    public var veto: String
    /// The first row naming the leader.
    public var location: SheetLocation
}

/// What an input file gave: the leaders rated (in roster or file order) and what was wrong.
public struct TallyInput: Sendable {
    public enum Form: String, Sendable, Encodable {
        /// The entry workbook: one row per leader and 评价主体 with counts.
        case groups
        /// One row per ballot: 评价主体, 票号, 编号, 等次.
        case ballots
    }

    public var form: Form
    public var organization: String
    public var year: Int?
    public var leaders: [RatedLeader]
    public var problems: [TallyProblem]
}
