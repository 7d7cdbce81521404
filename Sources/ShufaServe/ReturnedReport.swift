import ShufaKit

/// One returned report: the file, what the checks found, its outline, and the final report made from it.
struct ReturnedReport: Codable, Sendable {
    var file: DeskFile
    var at: String
    var by: String
    var role: String?
    var form: String?
    var findings: [FindingRow]
    var outline: [OutlineRow]
    var issues: [IssueRow]
    var final: DeskFile?
    /// Why no final report was made from it.
    var finalProblem: String?

    var errors: Int { findings.filter { $0.severity == "error" }.count }
    var warnings: Int { findings.filter { $0.severity == "warning" }.count }
}
