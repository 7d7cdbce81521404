import ShufaKit

/// A paragraph of a returned report, as the outline beside the findings shows it.
struct OutlineRow: Codable, Sendable, Equatable {
    var index: Int
    var text: String
    /// 1 for a top-level item (「一、」), 2 and more below it; nil for body text.
    var level: Int?
}
