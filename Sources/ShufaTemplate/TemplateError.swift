import ShufaSystem

/// A template that cannot be used: where, and what is wrong; rendered in Chinese by `TemplateMessages`.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Error, Sendable, Equatable {
        /// Not readable as XML or as an ODF package (the reader's words, in Chinese).
        case unreadable(String)
        /// No such file in the templates folder (its name).
        case missingFile(folder: String)
        /// Not readable as a template file: too large, a folder, a device.
        case file(RegularFile.Problem)
        /// The file is outside the templates folder (through `..` or a symbolic link).
        case outsideFolder
        /// XML that is not an ODF text document.
        case notODFText
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

    /// 「report.fodt 第 12 段（第 40 行）「……」：……」.
    public var description: String { "\(location)：\(message)" }

    /// What is wrong and how to fix it.
    public var message: String { TemplateMessages.text(problem) }
}
