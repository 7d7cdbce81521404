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

    package init(severity: Severity, location: RecordLocation?, leader: String? = nil, field: String? = nil,
                 message: String) {
        (self.severity, self.location, self.leader, self.field, self.message) = (severity, location, leader, field, message)
    }

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
