import Foundation
import ShufaKit
import Testing

/// The command line as a clerk meets it: the real `shufa`, its help pages, its usage errors and its exit codes.
enum Shell {
    /// Runs `shufa arguments` from the repository root.
    static func run(_ arguments: String..., timeout: Double = 120) throws -> ChildProcess {
        try ChildProcess.shufa(arguments, timeout: timeout)
    }

    /// Every command and subcommand.
    static let commands = [
        "build", "check", "extract", "print", "tally", "archive", "archive add", "archive find", "archive verify",
        "archive export", "review", "status", "serve", "user", "user add", "user list",
    ]
}

@Suite("shufa: help pages in Chinese, like swift-argument-parser's help-text tests")
struct HelpTests {
    @Test("shufa --help, word for word")
    func root() throws {
        let run = try Shell.run("--help")
        #expect(run.status == 0 && run.error.isEmpty)
        #expect(run.output == """
            说明：由名单和 ODF 模板生成述职述法报告（草稿）、报告、考核评议表、民主测评表和职责任务清单，并检查、打印、统计、归档。

            不写子命令时为 build。退出码：0 全部完成；1 有领导干部的文书未能生成（见 summary.json），或 --strict
            因名单有错而拒绝生成（未写出文件）；2 什么也没做（参数错误、名单无法读取、模板有错）。

            用法：shufa <subcommand>

            选项：
              --version               显示版本号。
              -h, --help              显示帮助。

            子命令：
              build（默认）         为名单中的每位领导干部生成述职述法报告（草稿）、报告、考核评议表、职责任务清单，每个单位的民主测评表，以及测评录入表。
              check                   检查述职述法报告（生成的或交回的）：文种、各部分、单独列项、字数、要点、遗留提示、最低要求、ODF 规范。
              extract                 把交回的草稿或报告读回名册格式（述职内容、述法内容、存在问题、改进措施、指标）。
              print                   把生成的一批文书转换为 PDF：每份文书一个文件，每类文书一个合订本。
              tally                   统计述法测评：按 catalog.yaml 的计分办法计算综合得分，在考核序列内按比例提出建议等次。
              archive                 档案库：归档（add）、查找（find）、核对（verify）、导出移交包（export）。
              review                  记录述职述法报告的流转：下发草稿 → 已交回 → 审核/审定 → 报送 → 归档；不加 --to
                                      则列出其记录。
              status                  各单位进度：草稿下发、交回、检查通过、审核/审定、报送、归档的人数，以及等次。
              serve                   启动述法工作台（浏览器办理）：经办人员上传名单、生成并打印文书、统计测评；领导干部下载草稿、上传并检查报告；审核审定；进度、查找和导出。
              user                    述法工作台的账号：建立（add）、列出（list）。

              各子命令的说明：shufa help <subcommand>

            """)
    }

    @Test("shufa status --help, word for word")
    func status() throws {
        let run = try Shell.run("status", "--help")
        #expect(run.status == 0)
        #expect(run.output == """
            说明：各单位进度：草稿下发、交回、检查通过、审核/审定、报送、归档的人数，以及等次。

            数据来自档案库（shufa archive add 与 shufa review 的记录）。

            用法：shufa status [--unit <unit>] [--year <year>] [--json] [--archive <archive>]

            选项：
              --unit <unit>           只看名称中含该文字的单位。
              --year <year>           年度（默认：档案中最近的年度）。
              --json                  以 JSON 输出。
              --archive <archive>     档案库文件夹。（默认：archive）
              --version               显示版本号。
              -h, --help              显示帮助。


            """)
    }

    @Test("every command's --help and `shufa help` page: Chinese headings and help, exit 0", arguments: Shell.commands)
    func everyCommand(_ command: String) throws {
        let words = command.split(separator: " ").map(String.init)
        for arguments in [words + ["--help"], ["help"] + words] {
            let run = try ChildProcess.shufa(arguments)
            #expect(run.status == 0 && run.error.isEmpty, "\(arguments): \(run.error)")
            #expect(run.output.hasPrefix("说明："), "\(arguments)")
            #expect(run.output.contains("用法：shufa \(command)"), "\(arguments)")
            #expect(run.output.contains("选项：") && run.output.contains("显示帮助。"), "\(arguments)")
            for heading in ["OVERVIEW", "USAGE", "OPTIONS", "ARGUMENTS", "SUBCOMMANDS", "(default", "Show help"] {
                #expect(!run.output.contains(heading), "\(arguments): \(heading)")
            }
            let page = run.output.split(separator: "\n").filter { !$0.hasPrefix("用法：") }.joined(separator: "\n")
            #expect(Wording.englishRuns(page).isEmpty, "\(arguments): \(Wording.englishRuns(page))")
        }
    }

    @Test("shufa --version prints the version and exits 0")
    func version() throws {
        let run = try Shell.run("--version")
        #expect(run.status == 0 && run.output == "shufa \(ShufaVersion.current)\n")
    }
}

@Suite("shufa: usage errors are said in Chinese and exit 2, as the README promises")
struct UsageErrorTests {
    /// Expects `run` to be a usage error of `command`: exit 2, nothing on standard output, the error first in
    /// Chinese, then the usage and where to read more.
    static func expectUsageError(
        _ run: ChildProcess, _ command: String, saying words: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(run.status == 2, "exit \(run.status)", sourceLocation: sourceLocation)
        #expect(run.output.isEmpty, sourceLocation: sourceLocation)
        #expect(run.error.hasPrefix("错误：") && run.error.contains(words), "\(run.error)", sourceLocation: sourceLocation)
        #expect(run.error.contains("用法：shufa \(command)"), "\(run.error)", sourceLocation: sourceLocation)
        #expect(run.error.contains("详见 shufa \(command) --help"), "\(run.error)", sourceLocation: sourceLocation)
        #expect(
            !run.error.contains("Error:") && !run.error.contains("Usage:") && !run.error.contains("Did you mean"),
            sourceLocation: sourceLocation)
    }

    @Test("an unknown option, for every command", arguments: Shell.commands)
    func unknownOption(_ command: String) throws {
        let needed = ["check": ["a.odt"], "extract": ["a.odt"], "tally": ["a.csv"], "archive add": ["out"],
                      "archive export": ["--year", "2025", "--out", "a.zip"], "review": ["QC006"],
                      "user add": ["wang", "--role", "clerk"]]
        let arguments = command.split(separator: " ").map(String.init) + (needed[command] ?? []) + ["--nonsense"]
        let run = try ChildProcess.shufa(arguments)
        Self.expectUsageError(run, command, saying: "不认识的选项 --nonsense")
    }

    @Test("--kinds and --format name what is wrong (exit 2, not 64)")
    func kindsAndFormat() throws {
        Self.expectUsageError(try Shell.run("build", "--kinds", "memo"), "build", saying: "不认识的文书类别「memo」")
        Self.expectUsageError(try Shell.run("build", "--kinds", ","), "build", saying: "--kinds 至少要有一种文书")
        Self.expectUsageError(try Shell.run("build", "--format", "pdf"), "build", saying: "未知的格式「pdf」")
        Self.expectUsageError(try Shell.run("build", "--out"), "build", saying: "--out <out> 缺少值")
        Self.expectUsageError(try Shell.run("build", "--duplex", "--simplex"), "build", saying: "不能同时使用")
        Self.expectUsageError(try Shell.run("build", "--outt", "o"), "build", saying: "不认识的选项 --outt，是否应为 --out？")
    }

    @Test("the other checks of the command line")
    func otherChecks() throws {
        Self.expectUsageError(try Shell.run("print", "--copies", "0"), "print", saying: "--copies 应在 1 到 500 之间")
        Self.expectUsageError(try Shell.run("print", "--processes", "0"), "print", saying: "--processes 至少为 1")
        Self.expectUsageError(try Shell.run("print", "--copies", "x"), "print", saying: "--copies <copies> 的值「x」无效")
        Self.expectUsageError(try Shell.run("check"), "check", saying: "缺少参数 <files>")
        Self.expectUsageError(
            try Shell.run("tally", "x.csv", "--json", "--pdf"), "tally", saying: "--json 与 --pdf 不能同时使用")
        let role = try Shell.run("check", "Tests/ShufaKitTests/Fixtures/returned/ok.odt", "--role", "党组书记")
        #expect(role.status == 2 && role.error.hasPrefix("shufa: 未知的述法主体类别「党组书记」；可选：党委主要负责人"))
        Self.expectUsageError(try Shell.run("review", "QC006", "--to", "审核"), "review", saying: "请用 --by 写明办理人")
    }
}

@Suite("shufa: every command's exit codes")
struct ExitCodeTests {
    static let returned = "Tests/ShufaKitTests/Fixtures/returned/"

    @Test("build: 0 for the sample, 1 for the roster with mistakes, 2 for a roster that cannot be read")
    func build() throws {
        let out = Repo.temporaryDirectory()
        let clean = try Shell.run("build", "--kinds", "draft,form", "--out", out.appendingPathComponent("a").path)
        #expect(clean.status == 0 && clean.error.isEmpty, "\(clean.error)")
        #expect(clean.output.hasPrefix("写出 44 个文件到") && !clean.output.contains("未能生成"), "\(clean.output)")
        let mistakes = try Shell.run("build", "samples/roster-with-errors.json", "--kinds", "draft",
                                     "--out", out.appendingPathComponent("b").path)
        #expect(mistakes.status == 1 && mistakes.output.contains("条记录未能生成"), "\(mistakes.output)")
        #expect(mistakes.output.contains("roster-with-errors.json 第 3 条记录，姓名（QC011）：必填项为空：请填写"))
        let missing = try Shell.run("build", "no-such-roster.json", "--out", out.appendingPathComponent("c").path)
        #expect(missing.status == 2 && missing.error == "shufa: 名单 no-such-roster.json：文件不存在\n", "\(missing.error)")
    }

    @Test("check: 0 without errors, 1 with, 2 for a file that cannot be read")
    func check() throws {
        #expect(try Shell.run("check", Self.returned + "ok.odt").status == 0)
        let errors = try Shell.run("check", Self.returned + "missing-law.odt")
        #expect(errors.status == 1 && errors.output.contains("✗ 错误"), "\(errors.output)")
        let unreadable = try Shell.run("check", "no-such-report.odt")
        #expect(unreadable.status == 2 && unreadable.error.contains("无法读取") && unreadable.error.contains("文件不存在"))
    }

    @Test("extract: 0 when every paragraph is placed, 1 when something is missing, 2 for a file that cannot be read")
    func extract() throws {
        #expect(try Shell.run("extract", Self.returned + "ok.odt", "--json").status == 0)
        let missing = try Shell.run("extract", Self.returned + "missing-law.odt")
        #expect(missing.status == 1 && missing.error.contains("错误："), "\(missing.error)")
        #expect(try Shell.run("extract", "no-such-report.odt").status == 2)
    }

    @Test("print, tally, status, review, archive: 2 when there is nothing they can work on, said in Chinese")
    func nothingToWorkOn() throws {
        let empty = Repo.temporaryDirectory()
        let print = try Shell.run("print", empty.path)
        #expect(print.status == 2 && print.error.contains("没有 summary.json"), "\(print.error)")
        let tally = try Shell.run("tally", "no-such-ballots.csv", "--out", empty.appendingPathComponent("t").path)
        #expect(tally.status == 2 && tally.error.contains("no-such-ballots.csv：无法读取：文件不存在"), "\(tally.error)")
        let archive = empty.appendingPathComponent("archive").path
        for arguments in [["status", "--archive", archive], ["review", "QC006", "--archive", archive],
                          ["archive", "verify", "--archive", archive]] {
            let run = try ChildProcess.shufa(arguments)
            #expect(run.status == 2 && run.error.contains("不是档案库"), "\(arguments): \(run.error)")
        }
    }
}
