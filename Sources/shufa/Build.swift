import ArgumentParser
import Foundation
import ShufaKit
import ShufaTally

/// `shufa build`: every document for every leader of a roster.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write drafts, reports, 考核评议表, 民主测评表, 职责任务清单 and the 测评录入表 for a roster.",
        discussion: """
            Writes OUT/<kind>/<id>-<name>-<kind>.<format> for every leader (ballots: one per unit) and
            OUT/summary.json listing every document with its SHA-256 and every problem found.
            A bad roster row is reported and skipped (exit code 1); with --strict nothing is written.
            With --pdf, then prints the batch like `shufa print OUT` (PDFs in OUT/pdf).
            """)

    @Argument(help: "The roster: .json, .yaml/.yml, .csv/.tsv (UTF-8 or GB18030/GBK), .ods/.fods or .xlsx.")
    var roster: String = "samples/roster.json"

    @Option(name: .long, help: "The encoding of a .csv/.tsv roster (utf-8, gb18030, gbk, utf-16le, …); detected when left out.")
    var encoding: String?

    @Option(name: .long, help: "The sheet of an .xlsx/.ods/.fods roster to read; the first when left out.")
    var sheet: String?

    @Flag(name: .long, help: "Refuse the whole batch, writing nothing (exit code 1), when any roster row is bad.")
    var strict = false

    @Option(name: .long, help: "Where to write the documents.")
    var out: String = "output"

    @Option(name: .long, help: "文件格式：fodt、odt、both（fodt 和 odt）、docx（Word，经 LibreOffice 转换），可用逗号分隔，如 odt,docx。",
            transform: FormatList.parse)
    var format: FormatList = FormatList(odf: [.fodt], docx: false)

    @Option(name: .long, parsing: .next, help: "Comma-separated kinds: draft,report,form,ballot,tasklist,tally.",
            transform: KindList.parse)
    var kinds: KindList = KindList(kinds: Set(DocumentKind.allCases))

    @OptionGroup var locations: Locations

    @Flag(help: "Do not check the documents written.")
    var noCheck = false

    @Flag(name: .long, help: "Also convert the batch to PDF (as `shufa print OUT`), into OUT/pdf.")
    var pdf = false

    @OptionGroup(title: "Printing (with --pdf)") var printing: PrintFlags

    func run() throws {
        let summary: BuildSummary
        let validator = noCheck ? nil : try locations.validator()
        do {
            let options = RosterReadOptions(encoding: try encoding.map(TextEncoding.init(named:)), sheet: sheet)
            let templates = URL(fileURLWithPath: locations.templates)
            var request = BuildRequest(roster: URL(fileURLWithPath: roster), templates: templates,
                                       output: URL(fileURLWithPath: out), formats: format.rendered, kinds: kinds.kinds,
                                       validator: validator, rosterOptions: options, strict: strict)
            request.rosterDocuments = [TallyEntryDocuments(templates: templates)]
            if format.docx {
                request.word = try WordOptions(
                    fontConfig: URL(fileURLWithPath: printing.fonts), keepSources: !format.odf.isEmpty,
                    processes: printing.processes ?? ProcessInfo.processInfo.activeProcessorCount)
            }
            summary = try BatchBuilder(request).run()
        } catch {
            FileHandle.standardError.write(Data("shufa: \(error)\n".utf8))
            throw ExitCode(2)
        }
        if !summary.faults.isEmpty {
            let message = summary.faults.map(\.description).joined(separator: "；")
            FileHandle.standardError.write(Data("shufa: \(message)\n".utf8))
        }
        if summary.faults.isEmpty || summary.documentCount > 0 { print(SummaryText.render(summary, output: out)) }
        if !summary.faults.isEmpty { throw ExitCode(2) }
        if !summary.refused { try printPDFs(of: summary) }
        if summary.refused || summary.skippedLeaders > 0 { throw ExitCode(1) }
    }

    /// With --pdf, converts the documents just built to PDF, into OUT/pdf (as `shufa print OUT`).
    private func printPDFs(of summary: BuildSummary) throws {
        guard pdf, summary.documentCount > 0 else { return }
        let output = URL(fileURLWithPath: out)
        try PrintStep.run(PrintRequest(build: output, output: output.appendingPathComponent("pdf"),
                                       documents: summary.documents, options: printing.options()))
    }
}

/// The formats of `--format`: fodt, odt, both (fodt and odt), docx, or a comma-separated list of them.
struct FormatList {
    /// The ODF formats asked for.
    var odf: [OutputFormat]
    /// True when Word copies (.docx) are asked for.
    var docx: Bool

    /// The ODF formats written: those asked for, or Flat XML to convert when only .docx is asked for.
    var rendered: [OutputFormat] { odf.isEmpty ? [.fodt] : odf }

    static func parse(_ text: String) throws -> FormatList {
        var list = FormatList(odf: [], docx: false)
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            switch part.trimmingCharacters(in: .whitespaces).lowercased() {
            case "fodt": list.add(.fodt)
            case "odt": list.add(.odt)
            case "both": list.add(.fodt); list.add(.odt)
            case "docx": list.docx = true
            default:
                throw ValidationError("未知的格式「\(part)」：可选 fodt、odt、both（fodt 和 odt）、docx，或用逗号分隔，如 odt,docx")
            }
        }
        return list
    }

    private mutating func add(_ format: OutputFormat) {
        if !odf.contains(format) { odf.append(format) }
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
        let parts = DocumentKind.allCases.compactMap { kind in summary.counts[kind].map { "\(kind.chineseName) \($0)" } }
        let errors = summary.problems.filter { $0.severity == .error }
        let warnings = summary.problems.filter { $0.severity == .warning }
        var lines: [String]
        if summary.refused {
            lines = ["--strict：名单有 \(summary.skippedLeaders) 条记录有错误，未写出任何文件（改正后再运行）："]
        } else {
            lines = ["写出 \(summary.documentCount) 个文件到 \(output)/：" + parts.joined(separator: "，")]
            let checkErrors = summary.findings[.error] ?? 0
            let others = (summary.findings[.warning] ?? 0) + (summary.findings[.info] ?? 0)
            if checkErrors + others > 0 {
                lines.append("检查：\(checkErrors) 个错误，\(others) 条提醒或说明（见 \(output)/\(BatchBuilder.journalName) 中的 check 行）")
            }
            if !errors.isEmpty { lines.append("\(summary.skippedLeaders) 条记录未能生成：") }
        }
        lines += errors.map { "  ✗ \($0)" }
        if !warnings.isEmpty { lines.append("\(warnings.count) 条提醒：") }
        lines += warnings.prefix(20).map { "  ! \($0)" }
        if warnings.count > 20 { lines.append("  … 其余见 \(output)/summary.json") }
        return lines.joined(separator: "\n")
    }
}
