import ShufaText

/// Every message of the roster, in Chinese, from one place: files that cannot be read, records left out,
/// fields corrected or doubtful, and where they are.
public enum RosterMessages {
    // MARK: Where

    public static func text(_ location: RecordLocation) -> String {
        location.unit == "row" ? "\(location.file) 第 \(location.row) 行" : "\(location.file) 第 \(location.row) 条记录"
    }

    /// A problem on one line: where, the field (by its Chinese name when it has one), whose record, what.
    public static func line(_ problem: RosterProblem) -> String {
        var text = problem.location.map(text) ?? "名单"
        if let field = problem.field { text += "，\(fieldName(field))" }
        if let leader = problem.leader { text += "（\(leader)）" }
        return "\(text)：\(problem.message)"
    }

    /// A field as a clerk knows it: 「姓名」 for `name (姓名)`, otherwise as the file wrote it.
    public static func fieldName(_ label: String) -> String {
        guard label.hasSuffix(")"), let open = label.lastIndex(of: "(") else { return label }
        return String(label[label.index(after: open)..<label.index(before: label.endIndex)])
    }

    // MARK: What

    public static func text(_ fault: RosterFault) -> String {
        let resave = "请用电子表格程序重新保存"
        switch fault {
        case .file(let problem): return problem.description
        case .unknownFormat(let ext):
            let hint = ext.lowercased() == "xls" ? "请另存为 .xlsx" : "请使用 \(RosterFormat.supportedList)"
            return "不认识的名单格式「.\(ext)」：\(hint)"
        case .empty: return "文件是空的"
        case .encodingNotApplicable(let format):
            return "--encoding 只用于 .csv 和 .tsv 文件，.\(format.rawValue) 文件请不要加"
        case .sheetNotApplicable(let format):
            return "--sheet 只用于 .xlsx、.ods 和 .fods 文件，.\(format.rawValue) 文件请不要加"
        case .notTable: return "不是表格文件：请使用 .csv、.tsv、.ods、.fods 或 .xlsx"
        case .notInEncoding(let encoding):
            return "不是有效的 \(encoding) 文本：请检查 --encoding，或不加它，由 shufa 识别 UTF-8 或 GB18030/GBK"
        case .undetectedEncoding:
            return "既不是 UTF-8 也不是 GB18030/GBK 文本（二进制数据或其他编码）：请另存为「CSV UTF-8」，或用 --encoding 指定编码"
        case .nulBytes:
            return "含有 NUL 字节：是二进制数据，不是分隔文本（如是不带字节顺序标记的 UTF-16 文本，请加 --encoding utf-16le）"
        case .unclosedQuote(let row):
            return "第 \(row) 行：以双引号（\"）开始的单元格没有闭合：请删去多余的引号或补上闭合的引号"
        case .changedWhileReading: return "读取过程中文件被改动或变得无法读取：请勿在生成时编辑名单，然后重新运行"
        case .syntax(let format, let line, let column, let reason):
            return "不是有效的 \(format)：第 \(line) 行第 \(column) 列\(text(reason))；请改正后再运行"
        case .tooDeep(let line, let limit):
            return "第 \(line) 行的嵌套超过 \(limit) 层，名单用不到这么深的结构：文件已损坏或不是名单"
        case .aliasExpansion(let line, let limit):
            return "第 \(line) 行起的 YAML 别名（*引用）展开后超过 \(limit) 个节点，远超文件本身的内容：已拒绝（可能是“别名炸弹”）"
        case .complexKey(let line): return "第 \(line) 行：键必须是简单的文本，不能是列表、映射或别名（*引用）"
        case .duplicateKey(let key, let line):
            return "第 \(line) 行：键「\(key.prefix(60))」在同一对象中出现了两次，无法确定用哪一个：请只保留一个"
        case .sameField(let keys): return "「\(keys.joined(separator: "」与「"))」是同一个字段，只能写一个：请删去多余的"
        case .notUTF8YAML: return "不是 UTF-8 文本：请把 YAML 文件另存为 UTF-8"
        case .notRosterObject: return "应是含 year（年度）和 leaders（名单）的对象（见名单格式说明 docs/rosters.md）"
        case .noYear(let years):
            return "缺少 year（年度），或不是 \(years.lowerBound) 到 \(years.upperBound) 之间的年份：请写上名单的年度，如 2025"
        case .noLeaderList: return "缺少 leaders（名单），或它不是领导干部记录的列表"
        case .notAnArchive(let kind, let guess):
            return "不是\(text(kind))（ZIP 包）：\(text(guess))"
        case .damagedArchive: return "不是可读的 ZIP 包（文件不完整或已损坏）：\(resave)"
        case .part(let error): return error.message
        case .damagedXML(let part, let detail):
            return "\(part.map { "\($0)：" } ?? "")已损坏或不完整（\(detail.prefix(200))）：\(resave)"
        case .notSpreadsheet(let mimetype):
            return "是类型为「\((mimetype ?? "").prefix(80))」的 OpenDocument 文件，不是电子表格：请把名单另存为 .ods"
        case .noSpreadsheetContent: return "不是 OpenDocument 电子表格（没有电子表格正文）：请从电子表格程序保存名单"
        case .noWorkbook(let part): return "没有工作簿部分（\(part)）：不是 XLSX 工作簿，请用 Excel 或 WPS 重新保存"
        case .missingSheetPart(let part): return "工作簿列出的 \(part) 在文件中不存在：文件已损坏，\(resave)"
        case .noSheetData: return "工作表中没有数据部分（sheetData）：不是工作表"
        case .missingSharedString(let cell): return "单元格 \(cell) 引用的共享文本不存在：文件已损坏，\(resave)"
        case .noSheets: return "工作簿中没有工作表：文件已损坏"
        case .unknownSheet(let name, let sheets):
            return "没有名为「\(name)」的工作表：现有工作表为 " + sheets.map { "「\($0)」" }.joined(separator: "、")
        case .tooMuchMarkup(let part, let limit):
            return "\(part) 含超过 \(limit) 个 XML 节点（元素、属性和文本），超出名单的规模：请把名单分成几个文件，或另存为 CSV"
        case .tooManyAttributes(let part, let limit):
            return "\(part) 中有元素带超过 \(limit) 个属性，不是电子表格程序保存的文件：已拒绝"
        case .tooManyCells(let limit):
            return "表格的单元格（每行算到最后一个有内容的单元格）超过 \(limit) 个：可能有内容写到了很远的列；"
                + "请删去多余的列，或把名单分成几个文件"
        case .tooManyRows(let limit): return "有内容的行超过 \(limit) 行：请把名单分成几个较小的文件"
        case .tooManyColumns(let row, let limit):
            return "第 \(row) 行在第 \(limit) 列以后还有内容：名单每个字段一列，请删去多余的列"
        case .badRowNumber(let written, let limit):
            return "行号「\(written.prefix(30))」无效（应在 1 到 \(limit) 之间）：文件已损坏，\(resave)"
        case .noRows: return "工作表中没有有内容的行"
        case .noHeader(let rows):
            return "前 \(rows) 行中没有表头行：第一行应写明各列的名称（编号、姓名、单位、职务、类别、年度……，"
                + "或 id、name、unit、position、role、year）"
        case .sameColumn(let first, let second, let row, let field):
            return "第 \(row) 行的 \(first) 列和 \(second) 列都是「\(fieldName(field))」：请只保留一列"
        case .missingColumns(let row, let fields):
            let names = fields.map { "「\(fieldName($0))」" }.joined(separator: "、")
            return "表头行（第 \(row) 行）没有 \(names) 列：请补上这些列，表头写中文名称或英文键名"
        case .noYearColumn(let years):
            return "年度（year）列中没有一行写了 \(years.lowerBound) 到 \(years.upperBound) 之间的年份：请在每行写上名单的年度，如 2025"
        case .rowsAboveHeader(let count, let headerRow):
            return "表头行（第 \(headerRow) 行）上方有 \(count) 行内容，未读取"
        case .unnamedColumn: return "有内容但没有表头：已忽略；如需使用请写上表头"
        case .indicatorsColumn: return "已忽略：表格中每个指标单独一列，表头写指标名称"
        case .ignoredColumn(let column): return "不是名单字段，也没有数字，不算指标：已忽略（\(column) 列）"
        case .controlCharactersInHeader(let count): return "已从表头中删去 \(count) 个 XML 不允许的控制字符"
        case .notARecord: return "不是领导干部记录（应是含 id、name、unit、position、role 的对象）"
        case .duplicateID(let id, let first): return "编号「\(id)」重复：\(text(first))已用过；请给每位领导干部不同的编号"
        case .unknownRole(let name, let suggestion):
            let hint = suggestion.map { "，是否应为「\($0)」？" } ?? ""
            return "述法主体类别「\(name)」不在目录中\(hint)（可用的类别见 templates/catalog.yaml）"
        case .missing: return "必填项为空：请填写"
        case .noYearInRecord(let expected): return "缺少年度：请在每行写上名单的年度（\(expected)）"
        case .otherYear(let year, let expected):
            return "年度 \(year) 与名单的年度 \(expected)（多数行）不同：一份名单只能是一个年度；请改正，或用另一份名单生成该领导干部的文书"
        case .badYear(let written, let years, let expected):
            return "「\(written)」不是 \(years.lowerBound) 到 \(years.upperBound) 之间的年份：请写成数字，如 \(expected)"
        case .otherOrganization(let written, let roster):
            return "「\(written)」与名单的组织「\(roster)」（多数行）不同；文书中使用「\(roster)」"
        case .controlCharacters(let count): return "已删去 \(count) 个 XML 不允许的控制字符"
        case .notText: return "这里应是文本"
        case .notIndicatorMap: return "指标应是「指标名称: 数值」的映射"
        case .badIndicator(let value): return "指标值「\(value.prefix(40))」不是零或正数：请写数字，如 4，不带单位"
        case .inexactNumber(let written): return "数字 \(written) 太大，无法原样写出：请加引号写成文本"
        case .indicatorTooLarge(let written, let limit):
            return "指标值「\(written)」超过 \(NumberText.plain(limit))，不是合理的次数或学时：请检查是否填错列"
        case .tooLong(let characters, let scalars, let limit):
            return "文本长 \(characters) 个字符（\(scalars) 个 Unicode 码位），超过上限 \(limit)：请检查各列是否错位"
        }
    }

    static func text(_ reason: SyntaxReason) -> String {
        switch reason {
        case .trailingContent: return "：值之后还有多余的内容"
        case .unexpectedEnd: return "：文件意外结束（括号或引号没有闭合）"
        case .valueExpected: return "：这里应是一个值（文本要加双引号）"
        case .keyExpected: return "：键应是加双引号的文本"
        case .colonExpected: return "：键之后缺少冒号「:」"
        case .commaOrClose(let close): return "：缺少「,」或「\(close)」"
        case .controlCharacterInText: return "：文本中有未转义的控制字符或换行"
        case .unclosedText: return "：文本的引号没有闭合"
        case .badEscape: return "：无效的转义「\\」"
        case .badUnicodeEscape: return "：\\u 之后应有四位十六进制数字"
        case .unpairedSurrogate: return "：\\u 转义的代理项不成对（\\uD800–\\uDFFF 须两个连写）"
        case .badNumber: return "：数字写法不对"
        case .noFractionDigits: return "：小数点后应有数字"
        case .noExponentDigits: return "：指数应有数字"
        case .numberOutOfRange: return "：数字太大，超出可表示的范围"
        case .outOfMemory: return "（内存不足）"
        case .indentation: return "：缩进不齐，或少了「键: 值」中的键"
        case .colonInValue: return "：这里不能有冒号（值里有冒号时请给整个值加引号）"
        case .badCharacter: return "：有不能出现在这里的字符（如用制表符缩进、@ 或 ` 开头）"
        case .missingContent: return "：缺少内容"
        case .missingListDash: return "：列表项缺少「-」"
        case .controlCharacters: return "：含有不允许的控制字符"
        case .notUTF8: return "：不是 UTF-8 文本"
        case .undefinedAlias: return "：引用了未定义的别名"
        case .nestingLimit: return "：嵌套层数过多"
        case .parser(let words): return "（解析器的说明：\(words.prefix(80))）"
        }
    }

    static func text(_ kind: SpreadsheetKind) -> String {
        switch kind {
        case .xlsx: return " XLSX 工作簿"
        case .ods: return " OpenDocument 电子表格"
        }
    }

    static func text(_ guess: ArchiveGuess) -> String {
        switch guess {
        case .oldExcel: return "这是旧版 Excel 97–2003（.xls）或 WPS 的二进制文件：请另存为 .xlsx"
        case .binary: return "其中是另一种二进制数据"
        case .text: return "看起来是文本：如是 CSV，请命名为 .csv；如是平面 XML，请命名为 .fods"
        }
    }

    /// An encoding name the C library does not know.
    public static func text(_ error: TextEncoding.UnknownEncoding) -> String {
        "不认识的编码「\(error.name)」：可用 utf-8、gb18030（也能读 GBK）、gbk、utf-16le 或 iconv 认识的其他名称"
    }
}
