import ShufaText

/// Blanks left in a returned report where a number or a name belongs: 「研讨*次」, 「20__年」,
/// 「涉法涉诉信访 件」 (the number left out), 「XXX」「×××」「某某」.
public enum BlankFinder {
    /// A kind of blank: its pattern, what must stand just before it (nil: anything), and the scalars one of which
    /// every match holds (a text without any has no such blank, and the pattern is not run).
    private struct Kind {
        var pattern: Regex<Substring>
        var before: ((Character) -> Bool)?
        var marks: Set<Unicode.Scalar>
    }

    private static func isHan(_ character: Character) -> Bool {
        character.unicodeScalars.first?.properties.isIdeographic == true
    }

    /// Regexes are immutable values; they are only read.
    nonisolated(unsafe) private static let kinds: [Kind] = [
        Kind(pattern: /[*＊]+/, marks: ["*", "＊"]),
        Kind(pattern: /[_＿]+/, marks: ["_", "＿"]),
        // A space where the number was, before a counter word: 「信访 件。」
        Kind(pattern: /[ \u3000]+(?:件|次|人次|场次|场|人|个|期|篇|条|项|名|家|份|起|户|亩|万元|元|学时|小时|课时|天)(?=[，。、；：,.;:）)]|$)/,
             before: isHan, marks: [" ", "\u{3000}"]),
        Kind(pattern: /[Xx]{2,}(?![A-Za-z])/, before: { !($0.isASCII && $0.isLetter) }, marks: ["X", "x"]),
        Kind(pattern: /[×ＸＸ╳]{2,}|某某|○○/, marks: ["×", "Ｘ", "╳", "某", "○"]),
        Kind(pattern: /X(?=\p{Han})/, before: { !($0.isASCII && $0.isLetter) }, marks: ["X"]),
        Kind(pattern: /X/, before: isHan, marks: ["X"]),
    ]

    /// Every kind's marks: a text without any has no blank.
    private static let marks = kinds.reduce(into: Set<Unicode.Scalar>()) { $0.formUnion($1.marks) }

    /// Each blank of `text`, shown with a few characters around it (「研讨*次」).
    public static func blanks(in text: String) -> [String] {
        let present = presentMarks(text)
        guard !present.isEmpty else { return [] }
        return blanks(in: text, kinds: kinds.filter { !$0.marks.isDisjoint(with: present) })
    }

    /// The marks `text` holds, read on its UTF-8 bytes. An ideograph from U+4000 to U+9FFF other than 某 that
    /// follows no space changes nothing, and is stepped over without being decoded.
    private static func presentMarks(_ text: String) -> Set<Unicode.Scalar> {
        var present = Set<Unicode.Scalar>()
        var spaces = false
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                if !spaces, (0xE4...0xE9).contains(bytes[index]),
                    !(bytes[index] == 0xE6 && bytes[index + 1] == 0x9F && bytes[index + 2] == 0x90) {
                    index += 3
                    continue
                }
                let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
                index += length
                if spaces && !isSpace(scalar) && counterStarts.contains(scalar) { present.insert(" ") }
                spaces = isSpace(scalar)
                if mayBeMark(scalar) && marks.contains(scalar) && !spaces { present.insert(scalar) }
            }
        }
        return present
    }

    /// The blanks every pattern finds, each run whatever the text holds.
    static func blanksByEveryPattern(in text: String) -> [String] { blanks(in: text, kinds: kinds) }

    private static func blanks(in text: String, kinds: [Kind]) -> [String] {
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

    /// A space of the third kind counts as its mark only when a counter word starts right after the spaces.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\u{3000}" }

    /// The first characters of the counter words of the third kind.
    private static let counterStarts = Set("件次人场个期篇条项名家份起户亩万元学小课天".unicodeScalars)

    /// A cheap first test: every mark is ASCII or one of a few wide characters.
    private static func mayBeMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x2A, 0x58, 0x5F, 0x78, 0xD7, 0x2573, 0x25CB, 0x3000, 0x67D0, 0xFF0A, 0xFF38, 0xFF3F: return true
        default: return false
        }
    }

    private static func context(_ range: Range<String.Index>, in text: String) -> String {
        let start = text.index(range.lowerBound, offsetBy: -4, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 4, limitedBy: text.endIndex) ?? text.endIndex
        return String(text[start..<end]).replacingOccurrences(of: "\n", with: " ")
    }
}
