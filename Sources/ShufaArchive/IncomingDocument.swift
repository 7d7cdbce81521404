import Foundation
import ShufaKit

/// A document on its way into the archive: the file, whose it is, what it is, what the checks said,
/// and its text for the full-text index.
public struct IncomingDocument: Sendable {
    /// The file to store, its digest, and its name as it came (kept as data only, never as a path).
    public var file: URL
    public var digest: FileDigest
    public var original: String
    /// 年度, 单位, the leader's 编号 ("" for a unit's or a batch's document).
    public var year: Int
    public var unit: String
    public var leader: String
    /// The document kind: draft, report, form, ballot, tasklist, returned, summary, print, tally, …
    public var kind: String
    /// The file format: fodt, odt, docx, doc, pdf, json, xlsx, ods.
    public var format: String
    public var origin: DocumentOrigin
    /// The checks' findings (reports only).
    public var check: CheckedDocument?
    /// True when the file is a PDF carrying its PDF/A identification, as print.json said.
    public var pdfa: Bool
    /// The document's text (paragraphs and table cells), for the full-text index; empty for PDFs and JSON.
    public var text: String
    /// What the document says about its leader (from its properties), when it is a leader's.
    public var person: LeaderInfo?

    public init(
        file: URL, digest: FileDigest, original: String, year: Int, unit: String, leader: String, kind: String,
        format: String, origin: DocumentOrigin, check: CheckedDocument? = nil, pdfa: Bool = false, text: String = "",
        person: LeaderInfo? = nil
    ) {
        self.file = file
        self.digest = digest
        self.original = original
        self.year = year
        self.unit = unit
        self.leader = leader
        self.kind = kind
        self.format = format
        self.origin = origin
        self.check = check
        self.pdfa = pdfa
        self.text = text
        self.person = person
    }

    /// The formats the archive keeps under their own name; anything else is `bin`.
    static let formats: Set<String> = ["fodt", "odt", "docx", "doc", "pdf", "json", "xlsx", "ods"]

    /// The format of a file named `name`, from its extension.
    static func format(of name: String) -> String {
        let ext = (name as NSString).pathExtension.lowercased()
        return formats.contains(ext) ? ext : "bin"
    }
}

/// Where a document came from.
public enum DocumentOrigin: String, Sendable, Codable, CaseIterable {
    /// Written by `shufa build` (listed in summary.json).
    case build
    /// Written by `shufa print` (listed in print.json).
    case print
    /// Returned by the leader (and checked when archived).
    case returned
    /// A tally's result (`shufa tally --json`).
    case tally

    /// 生成, 打印, 交回, 测评.
    public var chineseName: String {
        switch self {
        case .build: return "生成"
        case .print: return "打印"
        case .returned: return "交回"
        case .tally: return "测评"
        }
    }
}

/// What the checks said of a report: passes, passes with warnings, has errors.
public enum Verdict: String, Sendable, Codable {
    case pass, warnings, errors

    init(_ check: CheckedDocument) {
        if check.hasErrors {
            self = .errors
        } else if check.findings.contains(where: { $0.severity == .warning }) {
            self = .warnings
        } else {
            self = .pass
        }
    }

    /// 通过, 通过（有提醒）, 未通过.
    public var chineseName: String {
        switch self {
        case .pass: return "通过"
        case .warnings: return "通过（有提醒）"
        case .errors: return "未通过"
        }
    }
}

/// The Chinese names of the document kinds the archive holds, and their order in listings.
public enum KindNames {
    static let ordered = DocumentKind.allCases.map(\.rawValue) + ["returned", "summary", "print", "tally"]

    /// True when kind `a` is listed before kind `b` (the pipeline's order; unknown kinds last, by name).
    public static func order(_ a: String, _ b: String) -> Bool {
        let (left, right) = (ordered.firstIndex(of: a) ?? ordered.count, ordered.firstIndex(of: b) ?? ordered.count)
        return left != right ? left < right : a < b
    }

    public static func chinese(_ kind: String) -> String {
        if let known = DocumentKind(rawValue: kind) { return known.chineseName }
        switch kind {
        case "returned": return "交回的述职述法报告"
        case "summary": return "生成清单"
        case "print": return "打印清单"
        case "tally": return "测评结果"
        default: return kind
        }
    }
}
