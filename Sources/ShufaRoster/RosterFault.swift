import ShufaSystem
import ShufaText

/// What is wrong with a roster file or a field, beyond what a reader's own checks say; rendered in
/// Chinese here only (as `RosterError.message` or `RosterProblem.message`).
package enum RosterFault: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file cannot be read (a folder, a FIFO, a device, missing, too large).
    case file(RegularFile.Problem)
    /// YAML or JSON that does not parse, at a line and column, with the parser's reason.
    case syntax(format: String, line: Int, column: Int, reason: String)
    /// Collections nested deeper than any roster needs.
    case tooDeep(line: Int, limit: Int)
    /// YAML aliases that would expand the file past what it could hold written out.
    case aliasExpansion(line: Int, limit: Int)
    /// A YAML mapping key that is a list, a mapping or an alias, not a plain value.
    case complexKey(line: Int)
    /// A key given twice in one object or mapping.
    case duplicateKey(String, line: Int)
    /// Two keys of one record or of the roster that mean the same field (`姓名` and `name`).
    case sameField([String])
    /// A spreadsheet part holding more markup than a roster can (elements, attributes and texts).
    case tooMuchMarkup(part: String, limit: Int)
    /// A spreadsheet element with more attributes than any spreadsheet program writes.
    case tooManyAttributes(part: String, limit: Int)
    /// A sheet whose rows, counted to their last cell with data, hold more cells than a roster can.
    case tooManyCells(limit: Int)
    /// An XLSX row number that is not a number in the sheet's range (1 to 1,048,576).
    case badRowNumber(String)
    /// A number too large to be written exactly (in a text field: give it as text).
    case inexactNumber(String)
    /// An indicator value beyond any count or hours a leader reports.
    case indicatorTooLarge(String, limit: Double)
    /// A text field longer than its limit, in characters and Unicode scalars.
    case tooLong(characters: Int, scalars: Int, limit: Int)

    package var description: String {
        switch self {
        case .file(let problem): return "\(problem)"
        case .syntax(let format, let line, let column, let reason):
            return "不是有效的 \(format)：第 \(line) 行第 \(column) 列\(reason)；请改正后再运行"
        case .tooDeep(let line, let limit):
            return "第 \(line) 行的嵌套超过 \(limit) 层，名单用不到这么深的结构：文件已损坏或不是名单"
        case .aliasExpansion(let line, let limit):
            return "第 \(line) 行起的 YAML 别名（*引用）展开后超过 \(limit) 个节点，远超文件本身的内容：已拒绝（可能是“别名炸弹”）"
        case .complexKey(let line):
            return "第 \(line) 行：键必须是简单的文本，不能是列表、映射或别名（*引用）"
        case .duplicateKey(let key, let line):
            return "第 \(line) 行：键「\(key.prefix(60))」在同一对象中出现了两次，无法确定用哪一个：请只保留一个"
        case .sameField(let keys):
            return "「\(keys.joined(separator: "」与「"))」是同一个字段，只能写一个：请删去多余的"
        case .tooMuchMarkup(let part, let limit):
            return "\(part) 含超过 \(limit) 个 XML 节点（元素、属性和文本），超出名单的规模：请把名单分成几个文件，或另存为 CSV"
        case .tooManyAttributes(let part, let limit):
            return "\(part) 中有元素带超过 \(limit) 个属性，不是电子表格程序保存的文件：已拒绝"
        case .tooManyCells(let limit):
            return "表格的单元格（每行算到最后一个有内容的单元格）超过 \(limit) 个：可能有内容写到了很远的列；请删去多余的列，或把名单分成几个文件"
        case .badRowNumber(let written):
            return "行号「\(written.prefix(30))」无效（应在 1 到 \(XLSXReader.maximumRowNumber) 之间）：文件已损坏，请用电子表格程序重新保存"
        case .inexactNumber(let written):
            return "数字 \(written) 太大，无法原样写出：请加引号写成文本"
        case .indicatorTooLarge(let written, let limit):
            return "指标值「\(written)」超过 \(NumberText.plain(limit))，不是合理的次数或学时：请检查是否填错列"
        case .tooLong(let characters, let scalars, let limit):
            return "文本长 \(characters) 个字符（\(scalars) 个 Unicode 码位），超过上限 \(limit)：请检查各列是否错位"
        }
    }
}

extension RosterError {
    init(file: String, _ fault: RosterFault) {
        self.init(file: file, message: fault.description)
    }
}
