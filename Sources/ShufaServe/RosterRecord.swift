import ShufaKit

/// The roster in use: which upload, what it holds, and its bad rows.
struct RosterRecord: Codable, Sendable {
    var upload: StoredUpload
    var organization: String
    var year: Int
    var leaders: [LeaderEntry]
    var problems: [ProblemRow]
    var by: String
    var at: String

    var errors: Int { problems.filter(\.isError).count }
    func leader(_ id: String) -> LeaderEntry? { leaders.first { $0.id == id } }
}
