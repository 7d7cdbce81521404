import ShufaArchive
import ShufaKit

/// Every message of the desk, in Chinese, from one place. Messages of the library (a roster that cannot be
/// read, a damaged document, a refused review step) are passed through as the command line prints them.
public enum DeskMessages {
    public static func text(_ error: DeskError) -> String {
        switch error {
        case .badAccountName(let name):
            return "账号名「\(name)」不可用：须为 1–32 个字母、数字、汉字或 _ - .，不含空格"
        case .passwordTooShort(let minimum): return "密码太短：至少 \(minimum) 个字符"
        case .passwordTooLong: return "密码太长：不超过 72 个字节（约 24 个汉字）"
        case .passwordsDiffer: return "两次输入的密码不一致，未建立账号"
        case .leaderMissing: return "领导干部账号须用 --leader 指定其编号（名单中的编号，如 QC006）"
        case .leaderForOtherRole(let role): return "只有领导干部账号绑定编号，\(role.chineseName)账号不需要 --leader"
        case .unknownRole(let name):
            let names = AccountRole.allCases.map { "\($0.rawValue)（\($0.chineseName)）" }.joined(separator: "、")
            return "不认识的角色「\(name)」，可选：\(names)"
        case .accountExists(let name): return "账号「\(name)」已存在"
        case .accountsUnreadable(let path, let reason): return "无法读写账号文件 \(path)：\(reason)"
        case .notSignedIn: return "请先登录"
        case .badLogin: return "账号或密码不对"
        case .forbidden(let role): return "\(role.chineseName)账号无权查看或办理此项"
        case .csrf: return "表单已过期或不是从本系统页面提交的，请刷新页面后重试"
        case .notFound: return "找不到该页面或文件，或您无权查看"
        case .notMultipart: return "请通过页面上的表单上传文件"
        case .tooLarge(let limit): return "上传的内容超过 \(SizeLimit.text(limit)) 的限制，未接收"
        case .tooManyFiles(let limit): return "一次最多上传 \(limit) 个文件"
        case .noFile: return "请选择要上传的文件"
        case .unsupportedFile(let name, let purpose):
            return "\(name)：不是\(purpose.chineseName)（可上传：\(purpose.accepted)），未接收"
        case .badForm: return "表单内容不完整，请刷新页面后重试"
        case .dataFolder(let path, let reason): return "无法写入数据文件夹 \(path)：\(reason)"
        case .setup(let message): return message
        case .noRoster: return "还没有上传名单：请先上传名单"
        case .noBatch: return "还没有生成文书：请经办人员先上传名单并生成"
        case .jobRunning: return "已有生成任务在进行，请等其完成"
        case .roster(let message): return message
        case .build(let message): return "无法生成：\(message)"
        case .unreadableDocument(let message): return message
        case .notYours(let file, let owner, let own):
            return "\(file) 是编号 \(owner) 的文书，不是您的（\(own)），未接收"
        case .unknownLeader(let id): return "名单中没有编号为「\(id)」的领导干部"
        case .tally(let message): return "无法统计：\(message)"
        case .archive(let error): return ArchiveMessages.text(error)
        case .badYear(let text): return "年度「\(text)」不对：请填写四位数字，如 2025"
        }
    }

    /// The notice printed when the desk listens beyond this machine.
    static func exposed(bind: String, port: Int) -> String {
        "注意：服务监听 \(bind):\(port)，本机以外的电脑也能访问；请只在单位内网使用，并为每人设置独立账号和足够长的密码"
    }

    /// The line printed when the desk is ready.
    static func listening(bind: String, port: Int, data: String) -> String {
        let host = bind.contains(":") ? "[\(bind)]" : bind
        return "述法工作台已启动：http://\(host):\(port)/ （数据文件夹 \(data)；按 Ctrl+C 停止）"
    }

    static func noAccounts(data: String) -> String {
        "提醒：\(data) 中还没有账号，请先运行 shufa user add 账号名 --role clerk --data \(data) 建立经办人员账号"
    }

    /// `shufa serve` could not start (the port taken, the address not this machine's…).
    public static func cannotStart(bind: String, port: Int, reason: String) -> String {
        "无法在 \(bind):\(port) 上启动：\(reason)"
    }

    /// The prompts of `shufa user add` on a terminal.
    public static let passwordPrompt = "密码："
    public static let passwordAgain = "再输入一次："

    /// What `shufa user add` says when the account is made: 「已建立账号 huang（领导干部 QC006）」.
    public static func accountMade(_ account: Account) -> String {
        "已建立账号 \(account.name)（\(account.role.chineseName)\(account.leader.map { " \($0)" } ?? "")）"
    }
}

extension DeskMessages {
    /// A request the HTTP layer refused (a method a page does not take…).
    static func httpRefusal(_ code: Int) -> String { "无法办理该请求（HTTP \(code)），请从页面上的链接和按钮操作" }

    static func internalError(_ detail: String) -> String { "服务器内部错误：\(detail)；请把此信息告知系统管理员" }

    static func tooManyAttempts(seconds: Int) -> String {
        "该账号密码错误次数过多，请 \(seconds) 秒后再试"
    }
}
