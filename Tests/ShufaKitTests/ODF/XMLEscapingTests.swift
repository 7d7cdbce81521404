@testable import ShufaODF
import Testing

/// What XML 1.0 forbids is found on the bytes exactly as on the scalars.
@Suite("ShufaODF: characters XML forbids")
struct XMLEscapingTests {
    @Test("the byte scans (eight bytes at a time) find forbidden characters and plain content as the scalars say")
    func byteScanMatchesScalars() {
        let pieces = [
            "法治", "a", "\t", "\n", "\r", "\u{0}", "\u{1}", "\u{8}", "\u{B}", "\u{1F}", " ", "\u{7F}", "\u{85}",
            "\u{D7FF}", "\u{E000}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{FFBE}", "\u{EFBF}", "\u{10000}", "😀",
            "é", "e\u{301}", "&", "<", ">", "\"", "!", "\u{20}\u{20}", "\u{3000}", "\u{2028}", "丿", "＿", "\u{FFBF}",
            "\u{EFBF}\u{BE}",
        ]
        var generator = SeededGenerator(seed: 29)
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            let expected = text.unicodeScalars.contains { !XMLEscaping.isAllowed($0) }
            #expect(XMLEscaping.hasForbidden(text.utf8) == expected, "\(Array(text.unicodeScalars))")
            let (clean, removed) = XMLEscaping.removingForbidden(text)
            #expect(String(String.UnicodeScalarView(text.unicodeScalars.filter(XMLEscaping.isAllowed))) == clean)
            #expect(removed == text.unicodeScalars.count - clean.unicodeScalars.count)
            let plain = !text.unicodeScalars.contains {
                $0.value < 0x21 || "&<>".unicodeScalars.contains($0) || !XMLEscaping.isAllowed($0)
            }
            #expect(XMLEscaping.isPlainContent(text) == plain, "\(Array(text.unicodeScalars))")
        }
    }
}
