import ShufaKit

/// How many leaders of a series got a grade.
struct GradeCount: Codable, Sendable, Equatable {
    var grade: String
    var count: Int
}
