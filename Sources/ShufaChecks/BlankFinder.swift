/// Blanks left in a returned report where a number or a name belongs: 「研讨*次」, 「20__年」,
/// 「涉法涉诉信访 件」 (the number left out), 「XXX」「×××」「某某」.
public enum BlankFinder {
    /// A kind of blank: its pattern, and what must stand just before it (nil: anything).
    private struct Kind {
        var pattern: Regex<Substring>
        var before: ((Character) -> Bool)?
    }

    private static func isHan(_ character: Character) -> Bool {
        character.unicodeScalars.first?.properties.isIdeographic == true
    }

    /// Regexes are immutable values; they are only read.
    nonisolated(unsafe) private static let kinds: [Kind] = [
        Kind(pattern: /[*＊]+/),
        Kind(pattern: /[_＿]+/),
        // A space where the number was, before a counter word: 「信访 件。」
        Kind(pattern: /[ \u3000]+(?:件|次|人次|场次|场|人|个|期|篇|条|项|名|家|份|起|户|亩|万元|元|学时|小时|课时|天)(?=[，。、；：,.;:）)]|$)/,
             before: isHan),
        Kind(pattern: /[Xx]{2,}(?![A-Za-z])/, before: { !($0.isASCII && $0.isLetter) }),
        Kind(pattern: /[×ＸＸ╳]{2,}|某某|○○/),
        Kind(pattern: /X(?=\p{Han})/, before: { !($0.isASCII && $0.isLetter) }),
        Kind(pattern: /X/, before: isHan),
    ]

    /// Characters one of the blanks starts with: a text without any has none (and skips the patterns).
    private static let marks = Set("*＊_＿ \u{3000}XxＸ×╳某○".unicodeScalars)

    /// Each blank of `text`, shown with a few characters around it (「研讨*次」).
    public static func blanks(in text: String) -> [String] {
        guard text.unicodeScalars.contains(where: { marks.contains($0) }) else { return [] }
        var found: [Range<String.Index>] = []
        for kind in kinds {
            for match in text.matches(of: kind.pattern) where !found.contains(where: { $0.overlaps(match.range) }) {
                let start = match.range.lowerBound
                let previous = start > text.startIndex ? text[text.index(before: start)] : " "
                if let before = kind.before, !before(previous) { continue }
                found.append(match.range)
            }
        }
        return found.sorted { $0.lowerBound < $1.lowerBound }.map { context($0, in: text) }
    }

    private static func context(_ range: Range<String.Index>, in text: String) -> String {
        let start = text.index(range.lowerBound, offsetBy: -4, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 4, limitedBy: text.endIndex) ?? text.endIndex
        return String(text[start..<end]).replacingOccurrences(of: "\n", with: " ")
    }
}
