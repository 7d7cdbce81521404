import Foundation

/// Where a long job (building and printing a batch) stands, for the progress page and its event stream.
struct JobStatus: Sendable, Codable, Equatable {
    var id: String
    /// What it is doing, in Chinese: 「生成文书」「转换 PDF」…
    var stage: String
    var done: Int
    var total: Int
    var finished: Bool
    var failed: Bool
    /// The outcome, in Chinese, when finished.
    var message: String
    /// Where to go when finished.
    var next: String
    /// The account that started it.
    var account: String

    var percent: Int { total > 0 ? done * 100 / total : 0 }
}
