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
    /// What is wrong and what to do (Chinese).
    public var message: String

    /// A problem whose message a later stage rendered (a document that could not be made or written).
    package init(severity: Severity, location: RecordLocation?, leader: String? = nil, field: String? = nil,
                 message: String) {
        (self.severity, self.location, self.leader) = (severity, location, leader)
        (self.field, self.message) = (field, message)
    }

    /// A problem of the roster itself.
    init(_ severity: Severity, _ fault: RosterFault, at location: RecordLocation?, leader: String? = nil,
         field: String? = nil) {
        self.init(severity: severity, location: location, leader: leader, field: field,
                  message: RosterMessages.text(fault))
    }

    /// Where, which field and whose record, then what: 「roster.json 第 11 条记录，姓名（QC011）：……」.
    public var description: String { RosterMessages.line(self) }

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
