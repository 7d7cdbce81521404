import ShufaKit

/// A problem of a roster row (or of the batch), as the table shows it: row, column (by its Chinese name, as
/// the command line names it), leader and message.
struct ProblemRow: Codable, Sendable, Equatable {
    var isError: Bool
    var row: String
    var column: String
    var leader: String
    var message: String

    init(_ problem: RosterProblem) {
        isError = problem.severity == .error
        row = problem.location.map { "\($0.row)" } ?? ""
        column = problem.field.map(RosterMessages.fieldName) ?? ""
        leader = problem.leader ?? ""
        message = problem.message
    }
}
