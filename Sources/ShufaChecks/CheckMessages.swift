import ShufaODF
import ShufaSystem
import ShufaTemplate
import ShufaText

/// Every message of the checks, in Chinese, from one place: findings, what `extract` could not place, and
/// files that cannot be read as documents.
public enum CheckMessages {
    static func text(_ message: FindingMessage) -> String {
        switch message {
        case .unknownRole(let name, let known):
            return "述法主体类别「\(name)」不在目录中（templates/catalog.yaml），请改为其中之一：\(known.joined(separator: "、"))"
        case .noRole(let known):
            return "无法确定述法主体类别：文档属性中没有「\(MetaProperty.role)」，请用 --role 指定（可选：\(known.joined(separator: "、"))）"
        case .lawOnlyNotAccepted:
            return "本文为单独的述法报告；按规定述法应列入个人年度述职报告，单独列项、整体表述"
        case .combinedNotAccepted:
            return "本文为述职述法报告；按本地规定述法应单独成文（如「履行推进法治建设第一责任人职责情况报告」）"
        case .unknownForm:
            return "无法判断本文是述职述法报告还是单独的述法报告：标题和开头都没有说明（如标题「2025年度述职述法报告」），以下按述职述法报告检查"
        case .missingDuty:
            return "缺少述职部分：请加上述职内容（如「一、履行岗位职责情况」）"
        case .missingLaw:
            return "缺少述法部分：应以「\(lawTitle)」为题单独列项"
        case .missingProblems:
            return "没有「存在问题和改进措施」部分，请补上"
        case .partsOrder:
            return "各部分顺序应为：述职、述法、存在问题和改进措施，请调整"
        case .lawSplit(let places):
            return "述法内容分散在 \(places) 处，应单独列项、整体表述，合并为一处"
        case .lawInTable:
            return "述法部分放在了表格里，应作为正文的一级标题单独列项"
        case .lawNested(let parent):
            let under = parent.map { "「\($0)」的子项" } ?? "下级标题"
            return "述法部分写成了\(under)，应提为与其他部分同级的一级标题（如「二、\(lawTitle)」）"
        case .lawRunInPoint(let parent):
            let inside = parent.map { "「\($0)」之内" } ?? "其他部分之内"
            return "述法内容只是\(inside)的一个「一是、二是」小点，应单独列为一级标题（如「二、\(lawTitle)」）"
        case .lawSubheadings(let count):
            return "述法部分再分了 \(count) 个小标题，应整体表述，请改为连贯的一段或几段"
        case .length(let count, let limits, let whole):
            let scope = whole ? "全文" : "述法部分"
            let band = "\(limits.fineMin)–\(limits.fineMax) 字"
            let target = whole ? band : "\(limits.target) 字左右（\(band)）"
            return "\(scope) \(count) 字（计汉字、字母和数字），要求 \(target)"
        case .uncovered(let number, let point):
            return "述法部分未涉及要点\(number)「\(point.title)」（关键词：\(point.keywords.joined(separator: "、"))），请补充"
        case .prompt(let prompt):
            return "未填写的提示：「\(short(prompt))」，请替换为本人内容或删除"
        case .promptStyledText(let text):
            return "「\(short(text))」仍是提示的格式（楷体、彩色），已按正文处理；如是本人内容请清除格式，如是提示请删除"
        case .marker(let text):
            return "残留模板标记：「\(short(text))」，请删除"
        case .blanks(let blanks):
            let shown = blanks.prefix(3).map { "「\($0)」" }.joined(separator: "、")
            return "有未填的空白：\(shown)\(blanks.count > 3 ? " 等 \(blanks.count) 处" : "")，请填上实际内容"
        case .nameNotInHeader(let name):
            return "标题下的署名中没有姓名「\(name)」，请补上"
        case .emptyProperty(let key):
            return "文档属性「\(key)」为空，请重新生成草稿或在文档属性中填写"
        case .belowMinimum(let minimum, let value):
            let (unit, required) = (minimum.unit, NumberText.plain(minimum.minimum))
            return "\(minimum.indicator) \(NumberText.plain(value))\(unit)，低于最低要求 \(required)\(unit)"
                + "（\(minimum.basis)，\(minimum.source)）"
        case .schema(let message):
            return "不符合 ODF 1.3 规范：\(message)"
        case .moreSchemaIssues(let count):
            return "另有 \(count) 处不符合 ODF 1.3 规范"
        case .vendorExtensions(let count):
            return "含办公软件的扩展标记（如 LibreOffice 的 loext:）\(count) 处，不影响内容"
        }
    }

    public static func text(_ issue: ExtractionIssue) -> String {
        switch issue {
        case .noLawPart(let file, let suspects):
            let seen = suspects.isEmpty ? "" : "（" + suspects.map { "第\($0)段" }.joined(separator: "、") + "看来是述法内容）"
            return "\(file)：没有找到述法部分（「二、履行推进法治建设第一责任人职责情况」标题被删除或改动），"
                + "述法内容为空，其下的文字已归入述职内容\(seen)；请恢复该标题后重新提取"
        case .emptyLawPart(let file, let heading):
            return "\(file)：「\(heading)」下没有填写内容，述法内容为空；请填写后重新提取"
        case .lawNested(let file, let heading, let paragraph):
            return "\(file) 第\(paragraph)段：述法部分「\(heading)」写成了下级标题，已按述法部分提取；请在报告中把它提为一级标题"
        case .lawRunInPoint(let file, let paragraph):
            return "\(file) 第\(paragraph)段：述法内容只是其他部分中的一个「一是、二是」小点，无法单独提取；"
                + "请把它改为单独的一级标题「履行推进法治建设第一责任人职责情况」后重新提取"
        case .lawSplit(let file, let paragraphs):
            let places = paragraphs.map { "第\($0)段" }.joined(separator: "、")
            return "\(file)：述法内容分散在 \(paragraphs.count) 处（\(places)），已按顺序合并为述法内容；请核对"
        case .noDutyPart(let file):
            return "\(file)：没有找到述职内容（「一、履行岗位职责情况」下为空或标题被删除）；请补上后重新提取"
        case .lawOnlyReport(let file):
            return "\(file)：本文为单独的述法报告，没有述职部分，无法生成述职述法报告；请按述职述法报告的格式填写草稿"
        case .unplaced(let file, let paragraph, let text):
            return "\(file) 第\(paragraph)段「\(short(text))」不属于述职、述法或存在问题部分，未提取；"
                + "请把它移到相应部分后重新提取"
        case .unknownForm(let file):
            return "\(file)：标题和开头都没有说明本文是述职述法报告，已按述职述法报告提取；请核对"
        }
    }

    /// What is wrong with a file given to `check` or `extract`, without its name.
    public static func text(_ failure: DocumentLoader.Failure) -> String {
        let resave = "请用 Word 或 WPS 打开后另存为 .docx 或 .odt，再检查"
        switch failure {
        case .unreadable(let error): return error.message
        case .notWordDocument:
            return "文件内容不是 Word 或 WPS 文档（既不是 .docx，也不是 .doc、.wps 格式），无法读取：\(resave)"
        case .notConverted: return "LibreOffice 未能转换此文件（已损坏、设有密码，或转换超时）：\(resave)"
        case .noLibreOffice:
            return "读取 Word、WPS 文档（.docx、.doc、.wps）需要 LibreOffice，本机没有安装：请运行 bash scripts/setup.sh 安装，"
                + "或请交回人另存为 .odt 后再检查"
        case .converterFailed(_, let failure): return "无法用 LibreOffice 转换：\(failure)"
        case .workspace(_, let error): return "无法准备转换用的临时文件夹：\(error)"
        }
    }

    /// A file given to `check`, `extract`, `archive add` or the browser desk that cannot be read as a document:
    /// 「无法读取 FILE：…」 with the reader's own refusal, or that it is damaged.
    public static func unreadable(_ file: String, _ error: any Error) -> String {
        if let error = error as? DocumentLoader.Failure { return "无法读取 \(file)：\(error.message)" }
        if let error = error as? ODFParts.ReadError { return "无法读取 \(file)：\(error.message)" }
        return "无法读取 \(file)：不是完好的 ODF 文档，内容已损坏（\(error)）；请重新保存后再试"
    }

    /// The schema issue of a package whose mimetype is not that of a text document.
    static let notTextMimetype = "mimetype 不是 application/vnd.oasis.opendocument.text（不是 ODF 文字文档）"

    /// A document `shufa build` wrote that cannot be read back to be checked (why).
    static func unreadableWritten(_ reason: String) -> String { "写出的文档无法读回检查：\(reason)" }

    /// The standard title of the 述法 item, used in advice.
    static let lawTitle = "履行推进法治建设第一责任人职责情况"

    /// At most 30 characters of a text, on one line.
    static func short(_ text: String) -> String {
        let flat = text.trimmingSpaces.replacingOccurrences(of: "\n", with: " ")
        return flat.count > 30 ? String(flat.prefix(30)) + "…" : flat
    }
}
