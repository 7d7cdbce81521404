import Foundation
@testable import ShufaChecks
import ShufaKit
@testable import ShufaText
import Testing


/// The checks read text by Unicode scalars where that gives what reading characters gives (`SimpleText`), and
/// skip the slow reading when a first test on scalars shows it cannot match. These tests hold each fast path to
/// the character-by-character reading on the published reports' texts, the catalog's points and random texts
/// made of what could trip a scalar reading: combining marks after spaces and digits, CR LF, full-width and
/// ideographic spaces, colons, 【】, numbering, traditional characters.
@Suite("Fast text paths give what reading characters gives")
struct FastTextTests {
    /// Lines of the corpus of published reports and the catalog's point texts, then random texts.
    static let texts: [String] = {
        var texts: [String] = []
        let corpus = Repo.fixtures.appendingPathComponent("corpus")
        for set in ["holdout", "tune"] {
            let folder = corpus.appendingPathComponent(set)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".txt") {
                let text = (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) ?? ""
                texts += text.components(separatedBy: "\n")
            }
        }
        for role in Repo.catalog.roles {
            for point in role.points {
                texts += [point.text, point.title, "\(point.title)：\(point.text)", "【\(point.text)】",
                          " \(point.text) ", "3. \(point.title)：\(point.text)"]
            }
        }
        let pieces = ["坚持", "全面", "一、", "（二）", "12、", "2025年", "1.", "第三，", "二是", "①", "：", ":", "【", "】",
                      "请", " ", "\u{3000}", "\t", "\r\n", "\n", "\u{301}", "\u{20DD}", "\u{309A}", "e", "X", "xx", "某某",
                      "*", "＿", "職責", "報告", "述法", "法治建设", "。", "\u{600}", "\u{200D}", "\u{FE0F}", "한", "Ａ", "２",
                      "件", "学时", "×", "é", "\u{2FF}", "\u{4DBF}", "\u{4DC0}", "㐀", "\u{9FFF}", "\u{A000}", "\u{3097}",
                      "😀", "\u{FF9E}", "\u{A0}", "\u{85}", "\u{2028}", "\u{1680}", "\u{200B}", "\u{202F}"]
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<3_000 {
            let count = Int.random(in: 1...8, using: &generator)
            texts.append((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        return texts.filter { !$0.isEmpty }
    }()

    @Test("whitespace removed, folded, counted, trimmed, sentence ends and first characters alike")
    func textHelpers() {
        for text in Self.texts {
            #expect(PromptTexts.normalized(text) == Self.normalizedByCharacters(text), "\(text.debugDescription)")
            #expect(ChineseText.folded(text) == ChineseText.foldedByCharacters(text), "\(text.debugDescription)")
            #expect(ReportOutline.countedLength(text) == Self.countedByProperties(text), "\(text.debugDescription)")
            #expect(text.trimmingSpaces == Self.trimmedByCharacters(text), "\(text.debugDescription)")
            let scalars = text.unicodeScalars
            let kept = scalars.drop { $0.properties.isWhitespace }.reversed().drop { $0.properties.isWhitespace }
            #expect(text.trimmingWhiteSpace == String(String.UnicodeScalarView(kept.reversed())))
            #expect(ChineseText.hasSentenceEnd(text) == text.contains(where: ChineseText.sentenceEnds.contains))
            for word in ["报告", "述法", "Ａ"] {
                let found = ChineseText.lastRange(of: word, in: text)
                #expect(found == text.range(of: word, options: .backwards), "\(text.debugDescription)")
            }
            let sentence = ChineseText.firstSentence(Substring(text))
            let end = text.firstIndex(where: ChineseText.sentenceEnds.contains)
            #expect(sentence.sentence == text[..<(end ?? text.endIndex)], "\(text.debugDescription)")
            #expect(sentence.rest == (end.map { text[text.index(after: $0)...] } ?? ""), "\(text.debugDescription)")
            #expect(HeadingNumber.parse(text) == HeadingNumber.parseCharacters(text), "\(text.debugDescription)")
            #expect(SimpleText.isSimple(text, excluding: [":", "："]) == (
                SimpleText.isSimple(text) && !text.unicodeScalars.contains { $0 == ":" || $0 == "：" }))
            let simple = text.unicodeScalars.allSatisfy(SimpleText.isSimple)
            #expect(SimpleText.isSimple(text) == simple && SimpleText.isSimple(text.dropFirst()) == (
                text.unicodeScalars.dropFirst(text.first?.unicodeScalars.count ?? 0).allSatisfy(SimpleText.isSimple)),
                "\(text.debugDescription)")
            for word in ["法治", "職", "坚持", "e\u{301}"] {
                #expect(text.includes(word) == Array(text.utf8).containsRun(Array(word.utf8)))
            }
        }
    }

    @Test("no numbering and no prompt is skipped that the character reading would find")
    func prefilters() {
        let prompts = PromptTexts(catalog: Repo.catalog, templates: Repo.templates)
        var skipped = 0
        for text in Self.texts {
            if !HeadingNumber.mayStartNumber(text) {
                skipped += 1
                #expect(HeadingNumber.parseCharacters(text) == nil, "\(text.debugDescription)")
            }
            if !prompts.mayBePrompt(text) {
                #expect(!prompts.readsAsPromptParagraph(text), "\(text.debugDescription)")
            }
        }
        #expect(skipped > Self.texts.count / 2)
        #expect(prompts.isPromptParagraph(Repo.catalog.roles[0].points[1].text))
    }

    @Test("blanks found by the patterns whose marks the text holds are those all patterns find")
    func blanks() {
        for text in Self.texts + ["研讨*次", "20__年", "涉法涉诉信访 件。", "XXX同志", "××单位", "某某", "X月"] {
            #expect(BlankFinder.blanks(in: text) == BlankFinder.blanksByEveryPattern(in: text),
                    "\(text.debugDescription)")
        }
    }

    static func normalizedByCharacters(_ text: String) -> String {
        var plain = String(text.filter { !$0.isWhitespace })
        if plain.hasPrefix("【") && plain.hasSuffix("】") { plain = String(plain.dropFirst().dropLast()) }
        return plain
    }

    static func countedByProperties(_ text: String) -> Int {
        text.unicodeScalars.filter { scalar in
            let properties = scalar.properties
            return properties.isIdeographic || properties.isAlphabetic || properties.numericType != nil
        }.count
    }

    static func trimmedByCharacters(_ text: String) -> String {
        var characters = Substring(text)
        while let first = characters.first, first.isWhitespace { characters.removeFirst() }
        while let last = characters.last, last.isWhitespace { characters.removeLast() }
        return String(characters)
    }
}

extension Array where Element == UInt8 {
    /// True when `run` occurs in the bytes.
    func containsRun(_ run: [UInt8]) -> Bool {
        guard !run.isEmpty else { return true }
        guard count >= run.count else { return false }
        return (0...(count - run.count)).contains { self[$0..<($0 + run.count)].elementsEqual(run) }
    }
}

/// A small deterministic generator (SplitMix64), so the random texts are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
