import ShufaSystem

/// A template that cannot be used, with what to change in it.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Error, Sendable, Equatable {
        case unreadable(String)
        /// Not readable as a template file: too large, a folder, a device (the reason, in Chinese).
        case file(String)
        /// The file is outside the templates folder (through `..` or a symbolic link).
        case outsideFolder
        case notODFText(String)
        /// A Word or WPS file (its extension) named as a template.
        case wordTemplate(String)
        case unclosedMarker
        case emptyMarker(String)
        case unclosedSection(String)
        case unexpectedClose(String, expected: String?)
        case unknownField(String, suggestion: String?)
        case listAsValue(String)
        case dotOutsideTextList
        case markerMustStandAlone(String)
        case markerOutsideBody
        case sectionAcrossParts(String)
        case multipleMarkersInControlParagraph
    }

    public var location: TemplateLocation
    public var problem: Problem

    public var description: String { "\(location): \(message)" }

    /// What is wrong and how to fix it.
    public var message: String {
        switch problem {
        case .unreadable(let reason): return "cannot read the template: \(reason)"
        case .file(let reason): return "无法作为模板读取：\(reason)"
        case .outsideFolder: return "模板文件在模板文件夹以外（经由 .. 或符号链接）：已拒绝；请把模板放进模板文件夹"
        case .notODFText(let reason): return "not an ODF text document: \(reason)"
        case .wordTemplate(let ext):
            return "模板是 .\(ext) 文件（Word/WPS 格式），shufa 只读 ODF 模板：请在 LibreOffice 或 WPS 中打开，"
                + "“另存为”ODF 文本文档（.odt）或 ODF 平面文本（.fodt），并在 catalog.yaml 中写上新文件名"
        case .unclosedMarker: return "a marker opened with {{ is not closed with }}"
        case .emptyMarker(let text): return "marker \(text) names no field"
        case .unclosedSection(let name): return "section \(name) is never closed: add {{/\(name)}} after it"
        case .unexpectedClose(let name, let expected):
            if let expected { return "{{/\(name)}} closes a section that is not open; the open section is \(expected): close it with {{/\(expected)}} first" }
            return "{{/\(name)}} closes a section that was never opened"
        case .unknownField(let name, let suggestion):
            let hint = suggestion.map { "; did you mean {{\($0)}}?" } ?? "; see templates/README.md for the field names"
            return "unknown field \(name)\(hint)"
        case .listAsValue(let name): return "\(name) is a list: repeat it with {{#\(name)}}…{{/\(name)}} and use {{.}} or its fields inside"
        case .dotOutsideTextList: return "{{.}} works only inside a section over a list of texts"
        case .markerMustStandAlone(let marker): return "\(marker) must stand alone in its paragraph (or both markers of the section must be in one paragraph, or in cells of one table row)"
        case .markerOutsideBody: return "markers work only in paragraphs of the document body, not in headers, footers, styles or attributes"
        case .sectionAcrossParts(let marker): return "\(marker) and its closing marker must be in one paragraph, in paragraphs of one level, or in rows of one table"
        case .multipleMarkersInControlParagraph: return "a paragraph that opens or closes a section on its own must hold only that one marker"
        }
    }
}
