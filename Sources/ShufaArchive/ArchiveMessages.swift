import Foundation

/// Every message of the archive, in Chinese, from one place: errors, problems of `add`, refusals of
/// `review`, findings of `verify`.
public enum ArchiveMessages {
    public static func text(_ error: ArchiveError) -> String {
        switch error {
        case .noArchive(let path):
            return "\(path) 不是档案库（其中没有 index.sqlite）：先用 shufa archive add 归档，或用 --archive 指定档案库文件夹"
        case .file(let failure): return text(failure)
        case .database(let path, let failure): return "档案索引 \(path)：\(text(failure))"
        case .unsupportedSQLite(let version):
            return "本机的 SQLite \(version) 不支持 FTS5 全文检索的 trigram 分词（需要 3.34 以上），请安装新版 libsqlite3"
        case .newerArchive(let version):
            return "该档案库由更新版本的 shufa 建立（索引格式 \(version)，本程序只认识到 \(ArchiveSchema.version)），请升级 shufa"
        case .unknownLeader(let query, let year):
            return "档案中没有\(year.map { "\($0)年度" } ?? "")编号或姓名为「\(query)」的领导干部：请先归档其文书，或检查编号"
        case .ambiguousLeader(let query, let candidates):
            return "「\(query)」对应多位领导干部，请改用编号或加 --year：" + candidates.joined(separator: "；")
        case .unknownState(let name):
            let names = ReviewState.allCases.map(\.chineseName).joined(separator: "、")
            return "不认识的状态「\(name)」，可选：\(names)"
        case .refused(let refusal): return "不能办理：" + text(refusal)
        case .emptyOverrideReason: return "--override 须写明理由，如 --override \"经党组会议研究同意\""
        case .nothingArchived(let year):
            return year.map { "档案中没有\($0)年度的文书" } ?? "档案库是空的：先用 shufa archive add 归档"
        case .damagedFile(let file):
            return "档案中的文件已损坏或被改动：\(file)；未导出。请先运行 shufa archive verify 查明"
        case .emptyQuery: return "请给出要查找的内容（姓名、单位、年度、等次或正文中的词语）"
        case .noInputs: return "请给出要归档的文件夹或文件"
        case .leaderForSeveral: return "--leader 只能用于一份交回的报告（一个文件）"
        case .noReviewer: return "请用 --by 写明办理人：审核为该单位主要负责人，审定为党委（党组）"
        }
    }

    /// Who took a step, as the trail records it when the step was taken through an account of the browser
    /// desk: 「县司法局党组（经办账号 wang）」.
    public static func actor(_ by: String, account: String) -> String { "\(by)（经办账号 \(account)）" }

    public static func text(_ notice: ArchiveNotice) -> String {
        switch notice {
        case .waitingToAdd: return "另一个归档（archive add）正在进行，等待其完成…"
        case .waitingToVerify: return "归档（archive add）正在进行，等其完成后核对…"
        case .upgradingIndex: return "档案库的索引由较早版本的 shufa 建立，正在更新（只需一次，文书多时要一些时间）…"
        }
    }

    public static func text(_ problem: AddProblem) -> String {
        switch problem {
        case .unreadable(let failure): return text(failure)
        case .unrecognised(let file):
            return "\(file)：无法识别，未归档。可归档的有：shufa build 的输出文件夹（含 summary.json）、"
                + "shufa print 的输出文件夹（含 print.json）、交回的报告（.odt .fodt .docx .doc）、测评结果（shufa tally --json）"
        case .loosePDF(let file):
            return "\(file)：单独的 PDF 无法确定属于谁，未归档；请归档 shufa print 的输出文件夹（含 print.json）"
        case .badListing(let file, let reason): return "\(file)：无法读取（\(reason)），其中列出的文件未归档"
        case .unsafePath(let listing, let path): return "\(listing) 列出的「\(clean(path))」指向文件夹之外，未归档"
        case .missingFile(let listing, let path): return "\(listing) 列出的 \(clean(path)) 不存在，未归档"
        case .changedSinceListed(let listing, let path):
            return "\(clean(path)) 的内容与 \(listing) 记录的 SHA-256 不符（生成后被改动过），未归档"
        case .noYear(let file): return "\(clean(file))：无法确定年度（文档属性中没有「年度」），未归档；请用 --year 指定"
        case .noLeader(let file):
            return "\(clean(file))：无法确定是哪位领导干部的报告（文档属性中没有「编号」），未归档；请用 --leader 指定编号"
        case .pdfaMissing(let file): return "\(clean(file))：print.json 记为 PDF/A，但文件中没有 PDF/A 标识，未归档；请用 --pdfa 重新打印"
        case .unreadableDocument(let file, let reason): return "\(clean(file))：无法读取（\(reason)），未归档"
        case .storeFailed(let failure): return "存入档案失败：" + text(failure)
        case .changedWhileStoring(let file): return "\(clean(file)) 在归档过程中被改动，未归档；请稍后重新运行"
        case .unknownTallyLeader(let file, let leader):
            return "提醒：\(file) 中的编号 \(clean(leader)) 在档案中没有该年度的文书，仍记录其等次"
        case .returnedAfterSubmission(let file, let leader):
            return "提醒：\(clean(leader)) 的报告已报送，又交回 \(clean(file))：文件已归档，审核状态不变"
        case .recovered(let files): return "提醒：上次归档中断，已清理其留下的 \(files) 个未登记文件"
        }
    }

    public static func text(_ refusal: ReviewRefusal) -> String {
        switch refusal {
        case .order(let from, let to): return order(from: from, to: to)
        case .approvalOfMember(let leader):
            return "\(leader)是领导班子其他成员，其述职述法报告由党政主要负责人审核，不由党委（党组）审定（004 四（一））；请用 --to 审核"
        case .reviewOfPrincipal(let leader):
            return "\(leader)是党政主要负责人，其述职述法报告由党委（党组）研究审定（004 四（一））；请用 --to 审定 --by 党委（党组）"
        case .unknownRole(let leader):
            return "不知道\(leader)的述法主体类别，无法判断应审核还是审定；请先归档其生成的文书"
        case .approverNotParty(let by):
            return "审定由党委（党组）研究作出（004 四（一）），「\(clean(by))」不是党委（党组）；如 --by \"县司法局党组\""
        case .reviewerNotPrincipal(let by, let role, let theirUnit, let unit):
            return "「\(clean(by))」是\(theirUnit)的\(role)，不是\(unit)的主要负责人，无权审核（004 四（一）：由党政主要负责人审核）"
        case .ownReport(let by): return "「\(clean(by))」不能审核本人的报告"
        case .reviewerUnknown(let by, let unit, let principals):
            let known = principals.isEmpty ? "档案中没有该单位的主要负责人" : "档案中该单位的主要负责人：" + principals.joined(separator: "、")
            return "「\(clean(by))」不是档案中\(unit)的主要负责人（\(known)）；确需办理请加 --override 并写明理由"
        case .checkErrors(let count, let file):
            return "报告 \(clean(file)) 检查有 \(count) 个错误，改正后再办理；确需办理请加 --override 并写明理由"
        case .noReport(let leader):
            return "档案中没有\(leader)的报告，请先归档交回的报告（shufa archive add）；确需办理请加 --override 并写明理由"
        }
    }

    private static func order(from: ReviewState?, to: ReviewState) -> String {
        let now = "当前状态：\(from?.chineseName ?? "尚无记录")"
        switch to {
        case .draft: return "草稿已下发过（\(now)）"
        case .returned: return "报告已报送，不能再交回（\(now)）"
        case .reviewed, .approved: return "只有已交回的报告才能\(to.chineseName)（\(now)）"
        case .submitted: return "报送前须经审核或审定（004 四（一）：「审定(核)后的述职报告报考核主管部门审阅」；\(now)）"
        case .archived: return "报送后才能归档（\(now)）"
        }
    }

    public static func text(_ problem: VerifyProblem) -> String {
        switch problem {
        case .missing(let file): return "缺少文件 \(file.path)：\(describe(file))"
        case .damaged(let file, let actual):
            return "文件内容已改变 \(file.path)（现在的 SHA-256 为 \(actual.prefix(16))…）：\(describe(file))"
        case .unindexed(let path): return "存储区中有未登记的文件 \(path)"
        case .stray(let path): return "存储区中有不应存在的项目 \(path)（不是按内容命名的普通文件）"
        case .pdfaMissing(let file): return "文件 \(file.path) 记为 PDF/A，但已没有 PDF/A 标识：\(describe(file))"
        case .trailBroken(let entry): return "审核记录第 \(entry) 条起的哈希链断开：记录被改动或删除过"
        case .trailUnprotected: return "审核记录表的只增不改保护（触发器）已被删除"
        case .indexDamaged(let detail): return "索引数据库损坏：\(detail)"
        }
    }

    /// A stored file's documents, for messages.
    public static func describe(_ file: StoredFile) -> String {
        file.documents.isEmpty ? "（无文书记录）" : file.documents.map(clean).joined(separator: "；")
    }

    public static func text(_ failure: FileFailure) -> String {
        "\(clean(failure.path))：\(reason(failure.code))"
    }

    static func text(_ failure: DatabaseFailure) -> String {
        switch failure.code {
        case 5, 6: return "档案正被其他程序长时间占用，请稍后再试"
        case 11, 26: return "索引数据库已损坏或不是档案索引（\(failure.detail)）"
        case 13: return "磁盘已满"
        case 3, 8, 14: return "无法打开或写入索引数据库（检查权限和磁盘）"
        case 10: return "读写索引数据库时出错（磁盘故障？）"
        default: return "数据库错误 \(failure.code)（\(failure.detail)）"
        }
    }

    /// A system error number in words.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "文件或文件夹不存在"
        case EACCES, EPERM: return "没有权限"
        case ENOSPC: return "磁盘已满"
        case EROFS: return "文件系统只读"
        case EISDIR: return "是文件夹，不是文件"
        case ENOTDIR: return "路径中有一段不是文件夹"
        case EEXIST: return "已存在"
        case ELOOP: return "是符号链接，拒绝跟随"
        case EIO: return "读写出错（磁盘故障？）"
        case EDQUOT: return "超出磁盘配额"
        default: return "系统错误 \(code)"
        }
    }

    /// Text from a file without control characters (a hostile name cannot rewrite the terminal).
    public static func clean(_ text: String) -> String {
        String(
            String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "�" : $0 }))
    }
}
