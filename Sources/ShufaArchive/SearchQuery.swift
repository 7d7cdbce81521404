import Foundation

/// What `archive find` looks for: words (names, units, 编号, words of the text; a year such as 2025 or
/// 2025年度 and a grade such as 优秀 are taken as such), and filters.
public struct SearchQuery: Sendable {
    public var words: [String]
    public var year: Int?
    /// Part of the unit's name.
    public var unit: String?
    public var grade: String?
    /// A kind id (report, returned, …) or its Chinese name.
    public var kind: String?
    /// The most documents listed (all are counted).
    public var limit: Int

    public init(
        _ text: String, year: Int? = nil, unit: String? = nil, grade: String? = nil, kind: String? = nil,
        limit: Int = 50
    ) {
        words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        self.year = year
        self.unit = unit
        self.grade = grade
        self.kind = kind
        self.limit = limit
    }

    /// True when there is nothing to look for.
    public var isEmpty: Bool { words.isEmpty && year == nil && unit == nil && grade == nil && kind == nil }

    /// The year a word names: 2025, 2025年, 2025年度.
    static func year(in word: String) -> Int? {
        var digits = Substring(word)
        for suffix in ["年度", "年"] where digits.hasSuffix(suffix) { digits = digits.dropLast(suffix.count) }
        guard digits.count == 4, digits.allSatisfy(\.isASCII), let year = Int(digits), (1900...2999).contains(year)
        else {
            return nil
        }
        return year
    }
}

/// One document found.
public struct SearchHit: Sendable, Codable, Equatable {
    public var year: Int
    public var unit: String
    public var leader: String
    public var name: String
    public var position: String
    public var role: String
    public var kind: String
    public var format: String
    public var origin: String
    public var verdict: String?
    public var errors: Int?
    public var warnings: Int?
    public var grade: String?
    public var size: Int64
    public var sha256: String
    public var original: String
    public var added: String
    /// The stored file, relative to the archive folder.
    public var path: String
    /// Where the words occur, 【marked】, when they were found in the text.
    public var snippet: String?
}

/// What `archive find` found: how many documents match, and the first of them.
public struct SearchResult: Sendable, Codable, Equatable {
    public var total: Int
    public var documents: [SearchHit]
}
