import Foundation
import Testing

/// What every message a person reads must be: Chinese, naming where the problem is. Technical words may stand
/// in it (formats, programs, options, file and part names, field ids), English sentences may not.
enum Wording {
    /// Commands and phrases that may be quoted whole in a Chinese message.
    static let quoted = [
        "apt-get install", "bash scripts/setup.sh", "RELAX NG", "shufa build", "shufa print", "shufa extract",
        "shufa archive add", "shufa archive", "shufa tally", "shufa review", "shufa help", "chattr +i",
        "shufa serve", "shufa user add", "shufa user",
    ]

    /// Runs of two English words in a row left in `text` once its technical words are taken out.
    static func englishRuns(_ text: String) -> [String] {
        var rest = quoted.reduce(text) { $0.replacingOccurrences(of: $1, with: " ") }
        let technical = [
            /--[\w-]+/, /<[^>]*>/, /\{\{[^}]*\}\}/, /[\w-]+:[\w.\/-]+/, /[\w.\/~-]*\.[A-Za-z]{2,5}\b/,
            /[\w.+-]+\/[\w.+-]+/, /\w+(?:-\w+)+/, /\w+(?:,\w+)+/, /\$\w+/, /\w*\d\w*/,
        ]
        for pattern in technical { rest = rest.replacing(pattern, with: " ") }
        return rest.matches(of: /\b[a-z]{2,}\b[ ,]+\b[a-z]{2,}\b/).map { String($0.output) }
    }

    /// Expects `text` to be Chinese (CJK characters, no English sentence) and, when given, to name `location`.
    static func expectChinese(
        _ text: String, naming location: String? = nil, _ what: String = "",
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(text.unicodeScalars.contains { $0.properties.isIdeographic }, "\(what): \(text)",
                sourceLocation: sourceLocation)
        #expect(englishRuns(text).isEmpty, "\(what): \(englishRuns(text)) in \(text)", sourceLocation: sourceLocation)
        if let location {
            #expect(text.contains(location), "\(what): 「\(location)」 not in \(text)", sourceLocation: sourceLocation)
        }
    }

    /// The name of an enum value's case, to count the cases a walk covers.
    static func caseName(_ value: Any) -> String {
        Mirror(reflecting: value).children.first?.label ?? "\(value)"
    }
}

@Suite("Wording: the check every message walk uses")
struct WordingTests {
    @Test("English sentences are found; formats, options, file names and quoted commands are not")
    func englishRuns() {
        #expect(Wording.englishRuns("required field is missing or empty") != [])
        #expect(Wording.englishRuns("roster.csv: the record is left out") != [])
        #expect(Wording.englishRuns("请运行 bash scripts/setup.sh 安装（或 apt-get install qpdf）") == [])
        #expect(Wording.englishRuns("--encoding 只用于 .csv 和 .tsv 文件，不是 office:document 的 sheetData") == [])
        #expect(Wording.englishRuns("不是 XLSX 工作簿（ZIP 包），请另存为「CSV UTF-8」") == [])
    }
}
