import ArgumentParser
import Foundation
import ShufaKit

/// `shufa build`: every document for every leader of a roster.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write drafts, reports, 考核评议表, 民主测评表 and 职责任务清单 for a roster.",
        discussion: """
            Writes OUT/<kind>/<id>-<name>-<kind>.<format> for every leader (ballots: one per unit) and
            OUT/summary.json listing every document with its SHA-256 and every problem found.
            With --pdf, then prints the batch like `shufa print OUT` (PDFs in OUT/pdf).
            """)

    @Argument(help: "The roster (.json, .yaml).")
    var roster: String = "samples/roster.json"

    @Option(name: .long, help: "Where to write the documents.")
    var out: String = "output"

    @Option(name: .long, help: "The templates folder (with catalog.yaml).")
    var templates: String = "templates"

    @Option(name: .long, help: "fodt (Flat XML), odt (package) or both.")
    var format: FormatChoice = .fodt

    @Option(name: .long, parsing: .next, help: "Comma-separated kinds to make: draft,report,form,ballot,tasklist.",
            transform: KindList.parse)
    var kinds: KindList = KindList(kinds: Set(DocumentKind.allCases))

    @Flag(name: .long, help: "Also convert the batch to PDF (as `shufa print OUT`), into OUT/pdf.")
    var pdf = false

    @OptionGroup(title: "Printing (with --pdf)") var printing: PrintFlags

    func run() throws {
        let request = BuildRequest(roster: URL(fileURLWithPath: roster), templates: URL(fileURLWithPath: templates),
                                   output: URL(fileURLWithPath: out), formats: format.formats, kinds: kinds.kinds)
        let summary: BuildSummary
        do {
            summary = try BatchBuilder(request).run()
        } catch {
            FileHandle.standardError.write(Data("shufa: \(error)\n".utf8))
            throw ExitCode(2)
        }
        print(SummaryText.render(summary, output: out))
        try printPDFs(of: summary)
        if summary.skippedLeaders > 0 { throw ExitCode(1) }
    }

    /// With --pdf, converts the documents just built to PDF, into OUT/pdf (as `shufa print OUT`).
    private func printPDFs(of summary: BuildSummary) throws {
        guard pdf, !summary.documents.isEmpty else { return }
        let output = URL(fileURLWithPath: out)
        try PrintStep.run(PrintRequest(build: output, output: output.appendingPathComponent("pdf"),
                                       documents: summary.documents, options: printing.options()))
    }
}

enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
    case fodt, odt, both

    var formats: [OutputFormat] {
        switch self {
        case .fodt: return [.fodt]
        case .odt: return [.odt]
        case .both: return [.fodt, .odt]
        }
    }
}

struct KindList {
    var kinds: Set<DocumentKind>

    static func parse(_ text: String) throws -> KindList {
        var kinds = Set<DocumentKind>()
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let kind = DocumentKind(rawValue: name) else {
                throw ValidationError("unknown kind '\(name)': use \(DocumentKind.allCases.map(\.rawValue).joined(separator: ","))")
            }
            kinds.insert(kind)
        }
        guard !kinds.isEmpty else { throw ValidationError("--kinds needs at least one kind") }
        return KindList(kinds: kinds)
    }
}

/// The short human summary printed after a build.
enum SummaryText {
    static func render(_ summary: BuildSummary, output: String) -> String {
        var counts: [DocumentKind: Int] = [:]
        for document in summary.documents { counts[document.kind, default: 0] += 1 }
        let parts = DocumentKind.allCases.compactMap { kind in counts[kind].map { "\(kind.chineseName) \($0)" } }
        var lines = ["写出 \(summary.documents.count) 个文件到 \(output)/：" + parts.joined(separator: "，")]
        let errors = summary.problems.filter { $0.severity == .error }
        let warnings = summary.problems.filter { $0.severity == .warning }
        if !errors.isEmpty { lines.append("\(summary.skippedLeaders) 条记录未能生成：") }
        lines += errors.map { "  ✗ \($0)" }
        if !warnings.isEmpty { lines.append("\(warnings.count) 条提醒：") }
        lines += warnings.prefix(20).map { "  ! \($0)" }
        if warnings.count > 20 { lines.append("  … 其余见 \(output)/summary.json") }
        return lines.joined(separator: "\n")
    }
}
