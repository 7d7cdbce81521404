import ShufaKit

/// What extracting the leader's text from the report could not do cleanly.
struct IssueRow: Codable, Sendable, Equatable {
    var isError: Bool
    var message: String
    var paragraphs: [Int]
}
