import ArgumentParser
import Foundation
import ShufaKit
import ShufaTally

/// `shufa build`: every document for every leader of a roster.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "为名单中的每位领导干部生成述职述法报告（草稿）、报告、考核评议表、职责任务清单，每个单位的民主测评表，以及测评录入表。",
        discussion: """
            写出 OUT/<类别>/<编号>-<姓名>-<文书>.<格式>（民主测评表每个单位一份）、OUT/journal.jsonl（每份文书及其 SHA-256、\
            检查结果和问题）和 OUT/summary.json（计数和问题）。名单中有错的记录会列出并跳过（退出码 1）；加 --strict 则什么也不写。\
            加 --pdf 时随后像 shufa print OUT 一样转换为 PDF（写到 OUT/pdf）。
            退出码：0 全部生成；1 有领导干部的文书未能生成；2 什么也没做（参数错误、名单无法读取、模板有错、输出文件夹无法写入）。
            """)

    @Argument(help: "名单：.json、.yaml/.yml、.csv/.tsv（UTF-8 或 GB18030/GBK）、.ods/.fods 或 .xlsx。")
    var roster: String = "samples/roster.json"

    @Option(name: .long, help: "CSV/TSV 名单的编码（utf-8、gb18030、gbk、utf-16le……）；不写则自动识别。")
    var encoding: String?

    @Option(name: .long, help: "读取 .xlsx/.ods/.fods 名单的哪张工作表；不写则读第一张。")
    var sheet: String?

    @Flag(name: .long, help: "名单中只要有一条记录有错，就整批拒绝，什么也不写（退出码 1）。")
    var strict = false

    @Option(name: .long, help: "文书写到哪个文件夹。")
    var out: String = "output"

    @Option(name: .long, help: "文件格式：fodt、odt、both（fodt 和 odt）、docx（Word，经 LibreOffice 转换），可用逗号分隔，如 odt,docx。",
            transform: FormatList.parse)
    var format: FormatList = FormatList(odf: [.fodt], docx: false)

    @Option(
        name: .long, parsing: .next,
        help: "生成哪些文书，用逗号分隔：draft（草稿）、report（报告）、form（考核评议表）、ballot（民主测评表）、tasklist（职责任务清单）、tally（测评录入表）。",
        transform: KindList.parse)
    var kinds: KindList = KindList(kinds: Set(DocumentKind.allCases))

    @OptionGroup var locations: Locations

    @Flag(help: "不检查写出的文书。")
    var noCheck = false

    @Flag(name: .long, help: "生成后再转换为 PDF（与 shufa print OUT 相同），写到 OUT/pdf。")
    var pdf = false

    @OptionGroup(title: "打印") var printing: PrintFlags

    func run() throws {
        let summary: BuildSummary
        let validator = noCheck ? nil : try locations.validator(deferred: true)
        do {
            let options = RosterReadOptions(encoding: try encoding.map(TextEncoding.init(named:)), sheet: sheet)
            let templates = URL(fileURLWithPath: locations.templates)
            var request = BuildRequest(roster: URL(fileURLWithPath: roster), templates: templates,
                                       output: URL(fileURLWithPath: out), formats: format.rendered, kinds: kinds.kinds,
                                       validator: validator, rosterOptions: options, strict: strict)
            request.cache = BuildRequest.defaultCache
            request.rosterDocuments = [TallyEntryDocuments(templates: templates)]
            if format.docx {
                request.word = try WordOptions(
                    fontConfig: URL(fileURLWithPath: printing.fonts), keepSources: !format.odf.isEmpty,
                    processes: printing.processes ?? ProcessInfo.processInfo.activeProcessorCount)
            }
            summary = try BatchBuilder(request).run()
        } catch {
            Complaint.say("\(error)")
            throw ExitCode(2)
        }
        if !summary.faults.isEmpty {
            let message = summary.faults.map(\.description).joined(separator: "；")
            Complaint.say(message)
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
                throw UsageError.unknownFormat(String(part)).validation
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
                throw UsageError.unknownKind(name).validation
            }
            kinds.insert(kind)
        }
        guard !kinds.isEmpty else { throw UsageError.noKinds.validation }
        return KindList(kinds: kinds)
    }
}

/// The short human summary printed after a build.
enum SummaryText {
    static func render(_ summary: BuildSummary, output: String) -> String {
        let parts = DocumentKind.allCases.compactMap { kind in summary.counts[kind].map { "\(kind.chineseName) \($0)" }
        }
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
                lines.append(
                    "检查：\(checkErrors) 个错误，\(others) 条提醒或说明（见 \(output)/\(BatchBuilder.journalName) 中的 check 行）")
            }
            if !errors.isEmpty { lines.append("\(summary.skippedLeaders) 条记录未能生成：") }
        }
        lines += ProblemLines.render(errors: errors.map(\.description), warnings: warnings.map(\.description),
                                     rest: "\(output)/summary.json")
        return lines.joined(separator: "\n")
    }
}
