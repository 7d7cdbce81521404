import ArgumentParser
import Foundation
import ShufaServe

/// `shufa user`: the accounts of the browser desk.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "述法工作台的账号：建立（add）、列出（list）。",
        subcommands: [UserAdd.self, UserList.self])
}

/// `shufa user add NAME --role ROLE [--leader ID] [--data DIR]`.
struct UserAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "建立账号；密码从标准输入读取（在终端上输入两次，不回显）。",
        discussion: """
            角色：clerk（经办人员）、leader（领导干部，须用 --leader 指定名单中的编号）、reviewer（审核审定人员）、\
            archivist（考核主管部门）。密码至少 8 个字符，以 bcrypt 加密保存，不保存原文。
            例：echo '密码' | shufa user add huang --role 领导干部 --leader QC006
            退出码：0 已建立；2 未建立（账号已存在、密码太短、参数错误）。
            """)

    @Argument(help: "账号名（字母、数字、汉字或 _ - .）。") var name: String
    @Option(help: "角色：clerk、leader、reviewer、archivist（或其中文名）。") var role: String
    @Option(help: "领导干部账号对应的编号。") var leader: String?
    @Option(help: "数据文件夹（与 shufa serve --data 相同）。") var data: String = "shufa-data"

    func run() throws {
        guard let role = AccountRole(named: role) else { fail(.unknownRole(role)) }
        let password: String
        if isatty(STDIN_FILENO) != 0 {
            let first = Self.prompt(DeskMessages.passwordPrompt)
            let second = Self.prompt(DeskMessages.passwordAgain)
            guard first == second else { fail(.passwordsDiffer) }
            password = first
        } else {
            password = readLine(strippingNewline: true) ?? ""
        }
        let store = AccountStore(folder: DataFolder(URL(fileURLWithPath: data)))
        do {
            let account = try store.add(
                name: name, role: role, leader: leader, password: password, by: "shufa user add")
            print(DeskMessages.accountMade(account))
        } catch {
            fail(error)
        }
    }

    private func fail(_ error: DeskError) -> Never {
        Complaint.say(DeskMessages.text(error))
        Shufa.exit(withError: ExitCode(2))
    }

    private static func prompt(_ text: String) -> String {
        guard let typed = getpass(text) else { return "" }
        return String(cString: typed)
    }
}

/// `shufa user list`.
struct UserList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "列出账号（不含密码）。")

    @Option(help: "数据文件夹。") var data: String = "shufa-data"

    func run() throws {
        do {
            for account in try AccountStore(folder: DataFolder(URL(fileURLWithPath: data))).all() {
                print("\(account.name)\t\(account.role.chineseName)\t\(account.leader ?? "")\t\(account.created)")
            }
        } catch {
            Complaint.say(DeskMessages.text(error))
            throw ExitCode(2)
        }
    }
}
