/// A returned report as pages show it: the findings beside the outline, the paragraphs they point at
/// marked, and the final report made from it.
struct ReturnView {
    var name: String
    var at: String
    var by: String
    var role: String
    var form: String
    var hasForm: Bool
    var errors: Int
    var warnings: Int
    var hasWarnings: Bool
    var passing: Bool
    var file: FileLink
    var findings: [FindingView]
    var hasFindings: Bool
    var outline: [OutlineView]
    var issues: [IssueView]
    var hasFinal: Bool
    var finalFile: FileLink
    var finalProblem: String
    var hasFinalProblem: Bool

    struct FindingView {
        var severity: String
        var severityClass: String
        var rule: String
        var message: String
        var location: String
        var hasParagraph: Bool
        var paragraph: Int
    }

    struct OutlineView {
        var index: Int
        var text: String
        var level: String
        var marked: Bool
        var marks: [String]
    }

    struct IssueView {
        var severity: String
        var severityClass: String
        var message: String
    }

    static let severities = [
        "error": ("错误", "sev-error"), "warning": ("提醒", "sev-warning"), "info": ("说明", "sev-info"),
    ]

    init(_ report: ReturnedReport) {
        name = report.file.name
        at = DeskClock.shown(report.at)
        by = report.by
        role = report.role ?? "类别未知"
        form = report.form ?? ""
        hasForm = report.form != nil
        errors = report.errors
        warnings = report.warnings
        hasWarnings = report.warnings > 0
        passing = report.errors == 0 && !report.issues.contains(where: \.isError)
        file = FileLink(report.file)
        findings = report.findings.map { finding in
            let (text, css) = Self.severities[finding.severity] ?? (finding.severity, "")
            return FindingView(
                severity: text, severityClass: css, rule: finding.rule, message: finding.message,
                location: finding.location, hasParagraph: finding.paragraph != nil, paragraph: finding.paragraph ?? 0)
        }
        hasFindings = !findings.isEmpty
        issues = report.issues.map {
            IssueView(
                severity: $0.isError ? "错误" : "提醒", severityClass: $0.isError ? "sev-error" : "sev-warning",
                message: $0.message)
        }
        outline = report.outline.map { row in
            var marks = report.findings.filter { $0.paragraph == row.index }.map {
                "\(Self.severities[$0.severity]?.0 ?? $0.severity)：\($0.message)"
            }
            marks += report.issues.filter { $0.paragraphs.contains(row.index) }.map {
                "\($0.isError ? "错误" : "提醒")：\($0.message)"
            }
            return OutlineView(
                index: row.index, text: row.text, level: row.level.map { "h\(min($0, 2))" } ?? "p",
                marked: !marks.isEmpty, marks: marks)
        }
        hasFinal = report.final != nil
        finalFile = report.final.map(FileLink.init) ?? FileLink(report.file)
        finalProblem = report.finalProblem ?? ""
        hasFinalProblem = report.finalProblem != nil
    }
}
