import ShufaKit

/// The batch built from the roster: every file offered, and what went wrong.
struct BatchRecord: Codable, Sendable {
    var year: Int
    var organization: String
    var files: [DeskFile]
    var problems: [ProblemRow]
    var checkErrors: Int
    var checkWarnings: Int
    /// Why no PDFs were made, when none were (LibreOffice missing…).
    var printProblem: String?
    /// Documents LibreOffice could not convert.
    var printFailures: [String]
    var by: String
    var at: String
}
