/// Every message of the template engine, in Chinese, from one place.
public enum TemplateMessages {
    /// 「report.fodt 第 12 段（第 40 行）「{{姓名}}……」」.
    public static func text(_ location: TemplateLocation) -> String {
        var text = location.file
        if let paragraph = location.paragraph { text += " 第 \(paragraph) 段" }
        if let line = location.line, line > 0 { text += "（第 \(line) 行）" }
        if let excerpt = location.excerpt { text += "「\(excerpt)」" }
        return text
    }

    public static func text(_ problem: TemplateError.Problem) -> String {
        let readme = "标记的写法见 templates/README.md"
        switch problem {
        case .unreadable(let reason): return "无法读取模板：\(reason)"
        case .missingFile(let folder): return "\(folder)/ 中没有这个模板文件：请检查 catalog.yaml 中的文件名"
        case .file(let problem): return "无法作为模板读取：\(problem)"
        case .outsideFolder: return "模板文件在模板文件夹以外（经由 .. 或符号链接）：已拒绝；请把模板放进模板文件夹"
        case .notODFText:
            return "不是 ODF 文字文档（应有 office:document 和 office:body/office:text）：请把模板另存为 ODF 平面文本（.fodt）"
        case .wordTemplate(let ext):
            return "模板是 .\(ext) 文件（Word/WPS 格式），shufa 只读 ODF 模板：请在 LibreOffice 或 WPS 中打开，"
                + "“另存为”ODF 文本文档（.odt）或 ODF 平面文本（.fodt），并在 catalog.yaml 中写上新文件名"
        case .unclosedMarker: return "以 {{ 开始的标记没有用 }} 结束：请补上 }}"
        case .emptyMarker(let text): return "标记 \(text) 没有写字段名：\(readme)"
        case .unclosedSection(let name): return "区段 \(name) 没有结束：请在其后加上 {{/\(name)}}"
        case .unexpectedClose(let name, let expected):
            if let expected {
                return "{{/\(name)}} 结束的区段没有打开；当前打开的区段是 \(expected)：请先用 {{/\(expected)}} 结束它"
            }
            return "{{/\(name)}} 结束的区段从未打开：请删去它，或在前面加上 {{#\(name)}}"
        case .unknownField(let name, let suggestion):
            let hint = suggestion.map { "，是否应为 {{\($0)}}？" } ?? "：字段名见 templates/README.md"
            return "未知的字段 \(name)\(hint)"
        case .listAsValue(let name):
            return "\(name) 是列表：请用 {{#\(name)}}……{{/\(name)}} 逐项重复，在其中用 {{.}} 或它的字段"
        case .dotOutsideTextList: return "{{.}} 只能用在逐项重复文本列表的区段之内"
        case .markerMustStandAlone(let marker):
            return "\(marker) 必须单独占一段（或者区段的两个标记在同一段内，或在同一表格行的单元格中）"
        case .markerOutsideBody: return "标记只能写在正文段落中，不能写在页眉、页脚、样式或属性里"
        case .sectionAcrossParts(let marker):
            return "\(marker) 与它的结束标记必须在同一段内、在同一层级的段落中，或在同一表格的行中"
        case .multipleMarkersInControlParagraph: return "单独开始或结束区段的段落只能有这一个标记"
        }
    }

    /// Every error of a template set, one per line.
    public static func text(_ errors: TemplateErrors) -> String {
        errors.errors.map(\.description).joined(separator: "\n")
    }
}
