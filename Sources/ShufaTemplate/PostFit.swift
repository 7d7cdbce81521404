/// Fits a unit's posts (职务) to the 民主测评表's 职务 column without breaking a word: the column holds
/// `normalWidth` characters a line at 小四; when the longest post is wider the whole column is set at
/// 五号 (`small`, the template's `{{紧排}}`), and a post still wider is broken after the 、 nearest its
/// middle, so 「县委常委、常务副县长」 never reads 「县委常委、常务｜副县长」.
package struct PostFit {
    /// Characters of one line of the 职务 column (7.2 cm of text, 204 pt) at 小四 (12 pt) and at 五号
    /// (10.5 pt), one character short of full for the wider glyphs of some fonts.
    static let normalWidth = 16.0
    static let smallWidth = 18.0

    /// True when the column is set at the smaller size.
    let small: Bool
    private let width: Double

    init(posts: [String]) {
        let widest = posts.map(Self.width(of:)).max() ?? 0
        small = widest > Self.normalWidth
        width = small ? Self.smallWidth : Self.normalWidth
    }

    /// `post`, with a line break after a 、 when it does not fit one line of the column.
    func text(_ post: String) -> String {
        guard Self.width(of: post) > width else { return post }
        let characters = Array(post)
        let middle = Double(characters.count) / 2
        let breaks = characters.indices.filter { characters[$0] == "、" && $0 + 1 < characters.count }
        guard let best = breaks.min(by: { abs(Double($0) - middle) < abs(Double($1) - middle) }) else { return post }
        return String(characters[...best]) + "\n" + String(characters[(best + 1)...])
    }

    /// Width in characters: CJK and full-width characters count 1, others (digits, Latin) ½.
    static func width(of text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value < 0x2E80 ? 0.5 : 1) }
    }
}
