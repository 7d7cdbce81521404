import Foundation
import ShufaKit
@testable import ShufaOutput
import Testing

/// The journal's document lines are made by hand for speed: they must be the bytes JSONEncoder gives.
@Suite("ShufaOutput: the journal")
struct BuildJournalTests {
    @Test("a document's line is JSONEncoder's, byte for byte, whatever the names hold")
    func documentLineIsJSONEncoders() throws {
        let texts = [
            "青川县委", "", "a/b\\c", "\"quoted\"", "tab\tnew\nline\rcr", "\u{0}\u{1}\u{8}\u{C}\u{1F}\u{7F}",
            "\u{2028}\u{2029}", "😀 e\u{301}", "report/QC001-周明远-述职述法报告.odt", "</script>", "&<>'",
        ]
        var generator = SeededGenerator(seed: 5)
        for round in 0..<400 {
            let pick = { texts.randomElement(using: &generator)! + texts.randomElement(using: &generator)! }
            let document = BuildSummary.Document(
                leader: round % 7 == 0 ? nil : pick(), unit: pick(),
                kind: DocumentKind.allCases[round % DocumentKind.allCases.count],
                path: pick(), sha256: pick())
            let expected = BuildJournal.encoded(["document": document])
            #expect(BuildJournal.line(document) == expected, "\(String(decoding: expected, as: UTF8.self))")
        }
    }
}
