/// What a check found, with the details that matter; rendered here, in one place, to the Chinese
/// sentence a clerk reads and acts on.
enum FindingMessage {
    case unknownRole(String, known: [String])
    case noRole(known: [String])
    case lawOnlyNotAccepted
    case combinedNotAccepted
    case unknownForm
    case missingDuty
    case missingLaw
    case missingProblems
    case partsOrder
    case lawSplit(places: Int)
    case lawInTable
    case lawNested(parent: String?)
    case lawRunInPoint(parent: String?)
    case lawSubheadings(Int)
    case length(count: Int, limits: LawLength, wholeReport: Bool)
    case uncovered(number: Int, point: DutyPoint)
    case prompt(String)
    case promptStyledText(String)
    case marker(String)
    case blanks([String])
    case nameNotInHeader(String)
    case emptyProperty(String)
    case belowMinimum(Minimum, value: Double)
    case schema(String)
    case moreSchemaIssues(Int)
    case vendorExtensions(Int)

    /// The standard title of the 述法 item, used in advice.
    static let lawTitle = "履行推进法治建设第一责任人职责情况"

    var text: String {
        switch self {
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
            return "缺少述法部分：应以「\(Self.lawTitle)」为题单独列项"
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
            return "述法部分写成了\(under)，应提为与其他部分同级的一级标题（如「二、\(Self.lawTitle)」）"
        case .lawRunInPoint(let parent):
            let inside = parent.map { "「\($0)」之内" } ?? "其他部分之内"
            return "述法内容只是\(inside)的一个「一是、二是」小点，应单独列为一级标题（如「二、\(Self.lawTitle)」）"
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
            return "未填写的提示：「\(Self.short(prompt))」，请替换为本人内容或删除"
        case .promptStyledText(let text):
            return "「\(Self.short(text))」仍是提示的格式（楷体、彩色），已按正文处理；如是本人内容请清除格式，如是提示请删除"
        case .marker(let text):
            return "残留模板标记：「\(Self.short(text))」，请删除"
        case .blanks(let blanks):
            let shown = blanks.prefix(3).map { "「\($0)」" }.joined(separator: "、")
            return "有未填的空白：\(shown)\(blanks.count > 3 ? " 等 \(blanks.count) 处" : "")，请填上实际内容"
        case .nameNotInHeader(let name):
            return "标题下的署名中没有姓名「\(name)」，请补上"
        case .emptyProperty(let key):
            return "文档属性「\(key)」为空，请重新生成草稿或在文档属性中填写"
        case .belowMinimum(let minimum, let value):
            let (unit, required) = (minimum.unit, DocumentData.format(minimum.minimum))
            return "\(minimum.indicator) \(DocumentData.format(value))\(unit)，低于最低要求 \(required)\(unit)"
                + "（\(minimum.basis)，\(minimum.source)）"
        case .schema(let message):
            return "不符合 ODF 1.3 规范：\(message)"
        case .moreSchemaIssues(let count):
            return "另有 \(count) 处不符合 ODF 1.3 规范"
        case .vendorExtensions(let count):
            return "含办公软件的扩展标记（如 LibreOffice 的 loext:）\(count) 处，不影响内容"
        }
    }

    /// At most 30 characters of a text, on one line.
    static func short(_ text: String) -> String {
        let flat = text.trimmingSpaces.replacingOccurrences(of: "\n", with: " ")
        return flat.count > 30 ? String(flat.prefix(30)) + "…" : flat
    }
}

extension Finding {
    init(_ rule: Rule, _ severity: Severity, _ message: FindingMessage, at location: String) {
        self.init(rule: rule, severity: severity, message: message.text, location: location)
    }
}
