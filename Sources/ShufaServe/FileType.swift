/// What an uploaded file is, told from its content (the name the browser sent is only a hint among the
/// text formats, which have no signature).
public enum FileType: String, Sendable, Codable, CaseIterable {
    case odt, fodt, docx, doc, ods, fods, xlsx, csv, tsv, json, yaml

    /// The extension the library reads the file by.
    var fileExtension: String { rawValue }

    /// What an upload is for, and which types it takes.
    public enum Purpose: Sendable {
        /// A roster (名单), as `shufa build` reads it.
        case roster
        /// A returned draft or report, as `shufa check` reads it.
        case report
        /// The filled 测评录入表 or a ballot file, as `shufa tally` reads it.
        case tally

        var types: Set<FileType> {
            switch self {
            case .roster: return [.xlsx, .ods, .fods, .csv, .tsv, .json, .yaml]
            case .report: return [.odt, .fodt, .docx, .doc]
            case .tally: return [.xlsx, .ods, .fods, .csv, .tsv]
            }
        }

        var chineseName: String {
            switch self {
            case .roster: return "名单"
            case .report: return "述职述法报告或草稿"
            case .tally: return "测评录入表或逐票录入表"
            }
        }

        /// The accepted formats as shown to the clerk.
        var accepted: String {
            switch self {
            case .roster: return ".xlsx、.ods、.csv、.tsv、.json、.yaml"
            case .report: return ".odt、.fodt、.docx、.doc、.wps"
            case .tally: return ".xlsx、.ods、.fods、.csv、.tsv"
            }
        }

        /// The `accept` attribute of the file input (WPS saves .wps in Word 97's format, read as a .doc).
        var acceptAttribute: String {
            let aliases = [FileType.Purpose.roster: ",.yml", .report: ",.wps"]
            return types.map { "." + $0.rawValue }.sorted().joined(separator: ",") + (aliases[self] ?? "")
        }
    }
}
