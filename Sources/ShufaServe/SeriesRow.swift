import ShufaKit

/// One 考核序列: how its quotas were used, and its bar of the chart.
struct SeriesRow: Codable, Sendable, Equatable {
    var name: String
    var leaders: Int
    var quotaUse: [String]
    var counts: [GradeCount]
}
