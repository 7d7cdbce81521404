import ShufaKit

/// The tally of a filled 测评录入表.
struct TallyRecord: Codable, Sendable {
    var upload: StoredUpload
    var by: String
    var at: String
    var year: Int?
    var leaders: [TallyRow]
    var series: [SeriesRow]
    var problems: [String]
    var errors: Int
    var files: [DeskFile]
}
