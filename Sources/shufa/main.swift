import ArgumentParser
import Foundation
import ShufaKit

/// `shufa`: 述职述法 documents from a roster and ODF templates.
struct Shufa: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shufa",
        abstract: "由名单和 ODF 模板生成述职述法报告（草稿）、报告、考核评议表、民主测评表和职责任务清单，并检查、打印、统计、归档。",
        discussion: """
            不写子命令时为 build。退出码：0 全部完成；1 有领导干部的文书未能生成（见 summary.json），\
            或 --strict 因名单有错而拒绝生成（未写出文件）；2 什么也没做（参数错误、名单无法读取、模板有错）。
            """,
        version: "shufa \(ShufaVersion.current)",
        subcommands: [Build.self, Check.self, Extract.self, Print.self, Tally.self,
                      ArchiveCommand.self, ReviewCommand.self, StatusCommand.self, Serve.self, UserCommand.self],
        defaultSubcommand: Build.self)
}

/// Runs the command. Help and the version are printed in Chinese (exit 0); a usage error is said in Chinese
/// on standard error and exits 2 (not ArgumentParser's 64), as documented; a command's own exit code stands.
func runShufa() -> Never {
    do {
        var command = try Shufa.parseAsRoot()
        try command.run()
        Shufa.exit()
    } catch let code as ExitCode {
        Shufa.exit(withError: code)
    } catch {
        let code = Shufa.exitCode(for: error)
        if code == .success {
            print(CommandMessages.help(Shufa.fullMessage(for: error)))
            exit(0)
        }
        FileHandle.standardError.write(Data((CommandMessages.usage(Shufa.fullMessage(for: error)) + "\n").utf8))
        exit(code == .validationFailure ? 2 : code.rawValue)
    }
}

RosterPrefetch.start(commandLine: CommandLine.arguments)
runShufa()
