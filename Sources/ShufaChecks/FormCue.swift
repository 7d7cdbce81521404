import ShufaText

/// What a report's title or opening sentence says it is: 述职 and 述法 together, 述法 (or the 第一责任人
/// duty) alone, or 述职 alone.
enum FormCue: Equatable {
    case combined, law, duty

    private static let lawWords = ["述法", "第一责任人", "推进法治建设", "推进法治政府建设", "法治建设职责", "履行法治建设"]

    /// The cue of a title or opening, nil when it says none of these.
    init?(_ text: String) {
        let plain = ChineseText.folded(text)
        let duty = plain.includes("述职") || plain.includes("述责")
        if duty && plain.includes("述法") { self = .combined }
        else if Self.lawWords.contains(where: plain.includes) { self = .law }
        else if duty { self = .duty }
        else { return nil }
    }

    /// The part of `line` that names a report: up to its last 「报告」, when only a bracketed note, 「篇N」,
    /// a word count or a 「范文……篇」 follows (「…述职报告(分管…)」, 「…述职报告 篇1」); nil for other lines
    /// (a headline 「开启…述法报告新局面」 is not a report's title).
    static func reportTitle(_ line: String) -> String? {
        let plain = ChineseText.folded(line).trimmingSpaces
        guard let range = ChineseText.lastRange(of: "报告", in: plain) else { return nil }
        let tail = plain[range.upperBound...].filter { !$0.isWhitespace }
        let allowed = tail.isEmpty || tail.first.map { "（(【〔".contains($0) } == true
            || tail.wholeMatch(of: /(范文.*篇|篇\d+|第?\d+篇|\d+字|[（(]草稿[）)])/) != nil
        return allowed ? String(plain[..<range.upperBound]) : nil
    }

    /// The words between 「现将」 (现就、现把) and 「如下」 of an opening sentence (「现将本人履行……情况报告如下」).
    static func opening(_ paragraph: String) -> String? {
        let plain = ChineseText.folded(paragraph)
        guard plain.includes("如下"), let end = plain.range(of: "如下") else { return nil }
        let before = plain[..<end.lowerBound]
        let starts = ["现将", "现就", "现把"].compactMap { before.range(of: $0, options: .backwards) }
        guard let start = starts.max(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
        return String(plain[start.upperBound..<end.lowerBound])
    }
}
