import Foundation
import ShufaArchive

/// The archive commands' output as a clerk reads it.
enum ArchiveText {
    static func render(_ report: AddReport, archive: String) -> String {
        let kinds = report.recorded.sorted { KindNames.order($0.key, $1.key) }.map {
            "\(KindNames.chinese($0.key)) \($0.value)"
        }
        var lines = [
            "归档到 \(archive)/：新登记 \(report.recordedTotal) 份文书"
                + (kinds.isEmpty ? "" : "（\(kinds.joined(separator: "，"))）")
                + "，已在档案中 \(report.alreadyThere) 份；新存入 \(report.storedFiles) 个文件"
        ]
        if report.grades > 0 { lines.append("记录等次 \(report.grades) 人") }
        let errors = report.problems.filter(\.isError)
        if !errors.isEmpty { lines.append("\(errors.count) 个文件未能归档：") }
        lines += errors.map { "  ✗ \($0)" }
        lines += report.problems.filter { !$0.isError }.map { "  ! \($0)" }
        return lines.joined(separator: "\n")
    }

    static func render(_ result: SearchResult) -> String {
        guard result.total > 0 else { return "没有找到" }
        let shown = result.documents.count < result.total ? "（列出前 \(result.documents.count) 份，可用 --limit 调整）" : ""
        var lines = ["找到 \(result.total) 份文书\(shown)："]
        for hit in result.documents {
            let who = [hit.unit, hit.leader, hit.name, hit.role].filter { !$0.isEmpty }.joined(separator: " ")
            var line = "\(hit.year)年度 \(who) \(KindNames.chinese(hit.kind))（\(origin(hit.origin))，\(hit.format)）"
            if let verdict = hit.verdict.flatMap(Verdict.init(rawValue:)) { line += " 检查：\(verdict.chineseName)" }
            if let grade = hit.grade { line += " 等次：\(grade)" }
            lines.append(ArchiveMessages.clean(line))
            lines.append("    \(hit.path)  原文件名：\(ArchiveMessages.clean(hit.original))")
            if let snippet = hit.snippet { lines.append("    " + ArchiveMessages.clean(snippet)) }
        }
        return lines.joined(separator: "\n")
    }

    static func render(_ report: VerifyReport) -> String {
        var lines = [
            "核对 \(report.files) 个文件、\(report.trailEntries) 条审核记录："
                + (report.passed ? "全部无误" : "发现 \(report.problems.count) 个问题")
        ]
        lines += report.problems.map { "  ✗ \($0)" }
        if report.interrupted > 0 {
            lines.append("  ! 有 \(report.interrupted) 个文件是中断的归档留下的（未登记，不影响档案），下次 archive add 时清理")
        }
        return lines.joined(separator: "\n")
    }

    static func render(_ outcome: ReviewOutcome) -> String {
        let entry = outcome.entry
        var line = "已记录：\(outcome.leader.label)\(entry.state.chineseName)，办理人 \(entry.actor)，\(entry.at)"
        if !entry.note.isEmpty { line += "，说明：\(entry.note)" }
        for refusal in outcome.overridden { line += "\n  ! 已越过：\(refusal)" }
        if let reason = entry.override { line += "\n  越过理由：\(reason)" }
        return ArchiveMessages.clean(line)
    }

    static func render(_ trail: LeaderTrail) -> String {
        var lines = ["\(trail.leader.year)年度 \(trail.leader.label)" + (trail.entries.isEmpty ? "：尚无流转记录" : "：")]
        for entry in trail.entries {
            var line = "  \(entry.at)  \(entry.state.chineseName)  \(entry.actor)"
            if !entry.note.isEmpty { line += "  \(entry.note)" }
            if let reason = entry.override { line += "  （越过拒绝，理由：\(reason)）" }
            lines.append(ArchiveMessages.clean(line))
        }
        return lines.joined(separator: "\n")
    }

    static func render(_ report: StatusReport) -> String {
        let header = ["单位", "人数", "草稿下发", "已交回", "检查通过", "审核/审定", "报送", "归档", "等次"]
        let rows = (report.units + [report.total]).map { unit -> [String] in
            let grades = unit.grades.sorted { $0.key < $1.key }.map { "\($0.key)\($0.value)" }.joined(separator: " ")
            return [
                unit.unit, unit.leaders, unit.draftsOut, unit.returned, unit.passing, unit.reviewed, unit.submitted,
                unit.archived,
            ].map { "\($0)" } + [grades]
        }
        return "\(report.year)年度述职述法进度\n" + table([header] + rows)
    }

    /// Columns aligned by display width (a Chinese character takes two columns).
    static func table(_ rows: [[String]]) -> String {
        let widths = (0..<rows[0].count).map { column in rows.map { width($0[column]) }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - width(cell))
                return column == 0 || column == row.count - 1 ? cell + pad : pad + cell
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in total + (wide.contains { $0.contains(scalar.value) } ? 2 : 1) }
    }

    /// East Asian wide and full-width characters.
    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD,
    ]

    static func origin(_ id: String) -> String { DocumentOrigin(rawValue: id)?.chineseName ?? id }

    static func size(_ bytes: Int64) -> String {
        bytes >= 1 << 20
            ? String(format: "%.1f MB", Double(bytes) / Double(1 << 20))
            : String(format: "%.0f KB", Double(bytes) / 1024)
    }
}

/// `archive add --json`.
struct AddJSON: Encodable {
    var recorded: [String: Int]
    var alreadyThere: Int
    var storedFiles: Int
    var grades: Int
    var problems: [Message]

    struct Message: Encodable {
        var severity: String
        var message: String
    }

    init(_ report: AddReport) {
        recorded = report.recorded
        alreadyThere = report.alreadyThere
        storedFiles = report.storedFiles
        grades = report.grades
        problems = report.problems.map { Message(severity: $0.isError ? "error" : "info", message: $0.description) }
    }
}

/// `archive verify --json`.
struct VerifyJSON: Encodable {
    var files: Int
    var trailEntries: Int
    var interrupted: Int
    var passed: Bool
    var problems: [String]

    init(_ report: VerifyReport) {
        files = report.files
        trailEntries = report.trailEntries
        interrupted = report.interrupted
        passed = report.passed
        problems = report.problems.map(\.description)
    }
}
