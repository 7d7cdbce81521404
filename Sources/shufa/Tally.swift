import ArgumentParser
import Foundation
import ShufaKit
import ShufaTally

/// `shufa tally`: 测评 into 考核等次 within the quotas, with the summary the 组织部门 receives.
struct Tally: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "统计述法测评：按 catalog.yaml 的计分办法计算综合得分，在考核序列内按比例提出建议等次。",
        discussion: """
            FILE 是填好的测评录入表（shufa build --kinds tally 写出的 .xlsx/.ods），或逐票录入表（评价主体、票号、编号、\
            等次四列，.csv/.xlsx/.ods，需 --roster）。写出 OUT/考核结果汇总表.xlsx 和 .ods、OUT/考核结果汇总.fodt、\
            OUT/form/ 下每人的考核评议表（含测评结果）和 OUT/tally.json。详见 docs/tally.md。
            退出码：0 全部计入；1 有测评或领导干部未计入（见 problems）；2 无法统计（文件无法读取、参数或模板错误）。
            """)

    @Argument(help: "测评录入表或逐票录入表：.xlsx、.ods、.fods、.csv、.tsv。")
    var file: String

    @Option(name: .long, help: "名单（与 shufa build 相同的格式）；逐票录入表必须提供，测评录入表提供时核对编号。")
    var roster: String?

    @Option(name: .long, help: "要读取的工作表；默认第一张。")
    var sheet: String?

    @Option(name: .long, help: "结果写到哪个文件夹。")
    var out: String = "output/tally"

    @Flag(help: "在标准输出打印 JSON（leaders、series、problems、documents）。")
    var json = false

    @Flag(name: .long, help: "再把考核结果汇总和考核评议表转换为 PDF（与 shufa print 相同），写到 OUT/pdf。")
    var pdf = false

    @OptionGroup var locations: Locations

    @OptionGroup(title: "打印选项（用于 pdf）") var printing: PrintFlags

    func validate() throws {
        if json && pdf { throw UsageError.jsonWithPDF.validation }
    }

    func run() throws {
        let request = TallyRequest(
            input: URL(fileURLWithPath: file), roster: roster.map { URL(fileURLWithPath: $0) },
            templates: URL(fileURLWithPath: locations.templates), output: URL(fileURLWithPath: out),
            sheet: sheet)
        let report: TallyReport
        do { report = try TallyRun(request).run() } catch {
            Complaint.say("\(error)")
            throw ExitCode(2)
        }
        if json {
            print(try JSONText.encode(report))
            if !report.result.tied.isEmpty {
                Complaint.say("有 \(report.result.tied.count) 人\(TallyWords.tied)")
            }
        } else {
            print(TallyText.render(report, output: out))
        }
        if pdf {
            let output = URL(fileURLWithPath: out)
            try PrintStep.run(
                PrintRequest(
                    build: output, output: output.appendingPathComponent("pdf"),
                    documents: report.documents, options: printing.options()))
        }
        if report.result.leftSomethingOut { throw ExitCode(1) }
    }
}

/// The tally as a clerk reads it on the terminal.
enum TallyText {
    static func render(_ report: TallyReport, output: String) -> String {
        let result = report.result
        var lines = [
            "计入 \(result.leaders.count) 人，\(result.series.count) 个考核序列；写出 \(report.documents.count) 个文件到 \(output)/"
        ]
        for series in result.series {
            lines.append(
                "\(series.name)（\(series.leaders.count) 人）："
                    + TallyWords.quotaUse(series, rules: report.rules).joined(separator: "；"))
            for leader in result.leaders where leader.series == series.name {
                let rule = leader.rule.map { "（\(TallyWords.rule($0))）" } ?? ""
                lines.append(
                    "  \(leader.rank). \(leader.leader.id) \(leader.leader.name)  "
                        + "\(String(format: "%.2f", leader.composite))  \(leader.gradeText)\(rule)"
                )
            }
        }
        if !result.tied.isEmpty {
            lines.append(
                "有 \(result.tied.count) 人\(TallyWords.tied)：" + result.tied.map(\.leader.name).joined(separator: "、"))
        }
        let errors = result.problems.filter { $0.severity == .error },
            warnings = result.problems.filter { $0.severity == .warning }
        if !errors.isEmpty { lines.append("\(errors.count) 处未计入：") }
        lines += ProblemLines.render(errors: errors.map(TallyMessages.line), warnings: warnings.map(TallyMessages.line),
                                     rest: "\(output)/tally.json")
        return lines.joined(separator: "\n")
    }
}
