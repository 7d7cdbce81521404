/// Something wrong in the input, found while reading or checking: where, for whom, and what. Errors leave
/// something out of the tally (a cell's 测评, a leader); warnings only note. The Chinese text is made in
/// one place, `TallyMessages`.
public struct TallyProblem: Sendable, Equatable, Encodable {
    public enum Severity: String, Sendable, Encodable {
        /// Something was left out of the tally.
        case error
        /// Counted, but doubtful or incomplete.
        case warning
    }

    /// What is wrong.
    public enum Kind: Sendable, Equatable {
        /// A count that is not a whole number of zero or more.
        case notACount(String)
        /// A score that is not a number between 0 and the maximum.
        case badScore(String, maximum: Double)
        /// A count needed to check a 测评 is empty.
        case missingCount
        /// A 评价主体 not in the catalog.
        case unknownSubject(String, known: [String])
        /// A row without 编号.
        case missingID
        /// A 编号 the roster does not have.
        case unknownLeader(String)
        /// A 类别 no 考核序列 takes.
        case unknownRole(String)
        /// The name in the file differs from the roster's.
        case nameMismatch(written: String, roster: String)
        /// The same leader and 评价主体 on several rows: none is counted.
        case repeatedEvaluation(rows: [Int])
        /// Rows of one leader give different values of a per-leader column.
        case conflictingValues([String])
        /// 优秀+良好+一般+较差+弃权+废票 differs from 收回.
        case sumMismatch(sum: Int, returned: Int)
        /// 收回 more than 发出: the 测评 is void.
        case moreReturnedThanIssued(returned: Int, issued: Int)
        /// 实到 not more than half of 应到: the 测评 is void.
        case noQuorum(present: Int, expected: Int, quorum: Share)
        /// 实到 more than 应到.
        case morePresentThanExpected(present: Int, expected: Int)
        /// 发出 more than 实到 (a note: ballots may go to those on leave).
        case moreIssuedThanPresent(issued: Int, present: Int)
        /// Every ballot 弃权 or 废票.
        case noValidVotes
        /// A ballot's 等次 that is no grade, 弃权 or 废票.
        case unknownGrade(String, known: [String])
        /// A ballot (票号) gives the same leader twice in one 测评: the 测评 is not counted.
        case repeatedBallot(ballot: String, rows: [Int])
        /// A ballot row without 票号.
        case missingBallotNumber
        /// A leader with no valid 测评: left out.
        case noValidEvaluation
        /// A leader of the roster with no 测评 at all: left out.
        case notEvaluated
        /// A 评价主体 missing for a leader: the composite uses the other weights.
        case missingSubject(String)
        /// No 专项工作考核得分: the composite uses the other weights.
        case missingSpecialScore(String)
    }

    public var severity: Severity
    public var kind: Kind
    public var location: SheetLocation?
    /// The leader's 编号, when known.
    public var leader: String?
    /// The 评价主体, when one 测评 is meant.
    public var subject: String?

    public init(
        _ severity: Severity, _ kind: Kind, at location: SheetLocation?, leader: String? = nil, subject: String? = nil
    ) {
        self.severity = severity
        self.kind = kind
        self.location = location
        self.leader = leader
        self.subject = subject
    }

    /// The Chinese text a clerk reads.
    public var message: String { TallyMessages.text(self) }

    enum CodingKeys: String, CodingKey { case severity, code, file, sheet, row, column, leader, subject, message }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(severity, forKey: .severity)
        try container.encode(TallyMessages.code(kind), forKey: .code)
        try container.encodeIfPresent(location?.file, forKey: .file)
        try container.encodeIfPresent(location?.sheet, forKey: .sheet)
        try container.encodeIfPresent(location?.row, forKey: .row)
        try container.encodeIfPresent(location?.column, forKey: .column)
        try container.encodeIfPresent(leader, forKey: .leader)
        try container.encodeIfPresent(subject, forKey: .subject)
        try container.encode(message, forKey: .message)
    }
}

/// Why the tally cannot be done at all.
public enum TallyError: Error, Sendable, Equatable {
    /// The `tally` section of catalog.yaml is missing or wrong.
    case catalog(file: String, problem: CatalogProblem)
    /// The catalog itself cannot be read.
    case catalogUnreadable(String)
    /// The input file cannot be read as a table (the reader's reason).
    case unreadable(file: String, reason: String)
    /// No header row of either form in the first rows.
    case unknownLayout(file: String, rows: Int)
    /// A header lacks required columns.
    case missingColumns(file: String, row: Int, columns: [String])
    /// A ballot file needs the roster to know the leaders.
    case rosterNeeded(file: String)
    /// The roster cannot be read.
    case roster(String)
    /// A template file named in the catalog is not in the templates folder.
    case templateMissing(file: String, folder: String)
    /// A template has errors (the template compiler's account of them).
    case template(String)
    /// A file cannot be written.
    case write(path: String, reason: String)
}

/// What is wrong in the `tally` section of catalog.yaml.
public enum CatalogProblem: Error, Sendable, Equatable {
    case missingSection
    case unreadable(String)
    case tooFewGrades
    case noSubjects
    case duplicateSubject(String)
    case badWeight(String)
    case badMaximum(String)
    case noSubjectWeight
    case missingPoints(String)
    case unknownGrade(String, known: [String])
    case bandForLowestGrade(String)
    case quotaForLowestGrade(String)
    case unknownRole(String, series: String)
    case roleInTwoSeries(String, first: String, second: String)
    case rolesInNoSeries([String])
    case badShare(String, context: String)
}

extension TallyError: CustomStringConvertible {
    public var description: String { TallyMessages.text(self) }
}
