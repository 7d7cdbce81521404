import ShufaKit

/// One leader's line of the tally.
struct TallyRow: Codable, Sendable, Equatable {
    var rank: Int
    var id: String
    var name: String
    var unit: String
    var series: String
    var composite: String
    var grade: String
    var rule: String
}
