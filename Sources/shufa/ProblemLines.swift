/// The problems of a run as a clerk reads them after its summary: every error (✗), then the first twenty
/// warnings (!) and where the rest are.
enum ProblemLines {
    static func render(errors: [String], warnings: [String], rest: String) -> [String] {
        var lines = errors.map { "  ✗ \($0)" }
        if !warnings.isEmpty { lines.append("\(warnings.count) 条提醒：") }
        lines += warnings.prefix(20).map { "  ! \($0)" }
        if warnings.count > 20 { lines.append("  … 其余见 \(rest)") }
        return lines
    }
}
