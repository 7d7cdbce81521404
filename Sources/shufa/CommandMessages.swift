import ArgumentParser
import Foundation
import ShufaKit

/// What is wrong with a command line, beyond what ArgumentParser itself checks; rendered by `CommandMessages`.
enum UsageError: Error {
    /// `--kinds` names a kind that does not exist.
    case unknownKind(String)
    /// `--kinds` is empty.
    case noKinds
    /// `--format` names a format that does not exist.
    case unknownFormat(String)
    /// `--copies` outside 1…500.
    case copiesOutOfRange(Int)
    /// `--processes` below 1.
    case processesTooFew(Int)
    /// `--role` names a role the catalog does not have (the roles it has).
    case unknownRole(String, known: [String])
    /// `tally --json` with `--pdf`.
    case jsonWithPDF

    /// The error as ArgumentParser reports a failed validation (exit code 2 in `runShufa`).
    var validation: ValidationError { ValidationError(CommandMessages.text(self)) }
}

/// Every message of the command line, in Chinese, from one place: usage errors (ours and ArgumentParser's,
/// whose English is translated here), help pages, notices on standard error.
enum CommandMessages {
    static func text(_ error: UsageError) -> String {
        switch error {
        case .unknownKind(let name):
            let kinds = DocumentKind.allCases.map(\.rawValue).joined(separator: ",")
            return "不认识的文书类别「\(name)」：可选 \(kinds)，用逗号分隔"
        case .noKinds: return "--kinds 至少要有一种文书"
        case .unknownFormat(let name):
            return "未知的格式「\(name)」：可选 fodt、odt、both（fodt 和 odt）、docx，或用逗号分隔，如 odt,docx"
        case .copiesOutOfRange(let copies): return "--copies 应在 1 到 500 之间（现为 \(copies)）"
        case .processesTooFew(let processes): return "--processes 至少为 1（现为 \(processes)）"
        case .unknownRole(let role, let known):
            return "未知的述法主体类别「\(role)」；可选：\(known.joined(separator: "、"))"
        case .jsonWithPDF: return "--json 与 --pdf 不能同时使用：先运行一次 --json，再运行一次 --pdf"
        }
    }

    /// A note on standard error: the ODF schemas were not found, so nothing is checked against them.
    static let noSchemas = "提醒：找不到 ODF 1.3 规范文件，本次不检查 schema（可用 --schemas 指定所在目录）"

    /// A note on standard error: the font configuration was not found.
    static func noFontConfig(_ path: String) -> String {
        "提醒：找不到字体配置 \(path)，公文字体名称将无法替换为已安装的字体；请在仓库根目录运行或用 --fonts 指定"
    }

    /// A file given to `check`, `extract` or `archive add` that cannot be read as a document.
    static func unreadable(_ file: URL, _ error: Error) -> String { CheckMessages.unreadable(file.path, error) }

    // MARK: ArgumentParser's words

    /// A usage error as ArgumentParser words it (`Error:`, `Help:`, `Usage:` lines), in Chinese.
    static func usage(_ message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.hasPrefix("Error: ") { return "错误：" + parserError(String(line.dropFirst(7))) }
            if line.hasPrefix("Help:  ") { return "说明：" + help(String(line.dropFirst(7))) }
            if line.hasPrefix("Usage: ") { return "用法：" + line.dropFirst(7) }
            if let command = line.firstMatch(of: /^  See '(.+) --help' for more information\.$/) {
                return "  详见 \(command.1) --help"
            }
            return String(line)
        }.joined(separator: "\n")
    }

    /// ArgumentParser's description of what is wrong with the arguments.
    private static func parserError(_ text: String) -> String {
        if let match = text.firstMatch(of: /^The value '(.*)' is invalid for '(.+?)': (.+)$/) {
            return "\(match.2) 的值「\(match.1)」无效：\(match.3)"
        }
        if let match = text.firstMatch(of: /^The value '(.*)' is invalid for '(.+)'$/) {
            return "\(match.2) 的值「\(match.1)」无效"
        }
        if let match = text.firstMatch(of: /^Missing value for '(.+)'$/) { return "\(match.1) 缺少值" }
        if let match = text.firstMatch(of: /^Missing expected argument '(.+)'$/) { return "缺少参数 \(match.1)" }
        if let match = text.firstMatch(of: /^Unknown option '(.+)'\. Did you mean '(.+)'\?$/) {
            return "不认识的选项 \(match.1)，是否应为 \(match.2)？"
        }
        if let match = text.firstMatch(of: /^Unknown option '(.+)'$/) { return "不认识的选项 \(match.1)" }
        if let match = text.firstMatch(of: /^Unexpected argument '(.+)'$/) { return "多余的参数「\(match.1)」" }
        if let match = text.firstMatch(of: /^\d+ unexpected arguments: (.+)$/) { return "多余的参数：\(match.1)" }
        if let match = text.firstMatch(of: /^Value to be set with flag '(.+)' had already been set with flag '(.+)'$/) {
            return "\(match.2) 与 \(match.1) 不能同时使用"
        }
        if let match = text.firstMatch(of: /^Unknown subcommand '(.+)'$/) { return "不认识的子命令 \(match.1)" }
        return text
    }

    /// A help page as ArgumentParser lays it out, its headings and fixed phrases in Chinese.
    static func help(_ page: String) -> String {
        let phrases: [(String, String)] = [
            ("OVERVIEW: ", "说明："), ("USAGE: ", "用法："), ("ARGUMENTS:", "参数："), ("OPTIONS:", "选项："),
            ("SUBCOMMANDS:", "子命令："), ("Show help information.", "显示帮助。"), ("Show the version.", "显示版本号。"),
            (" (default)", "（默认）"),
        ]
        var text = phrases.reduce(page) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        text = text.replacing(/\ \ See '(.+)' for detailed help\./) { "  各子命令的说明：\($0.1)" }
        text = text.replacing(/\ ?\(default:\s+([^)]*)\)/) { "（默认：\(flat($0.1))）" }
        text = text.replacing(/\ ?\(values:\s+([^)]*)\)/) { "（可选：\(flat($0.1))）" }
        return text.replacing(/(?m)^([^\s].*):$/) { "\($0.1)：" }
    }

    /// Text a help page wrapped over lines, on one line.
    private static func flat(_ text: Substring) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
