/// One point a role's 述法 must cover (述法内容要点, seed 004 三).
public struct DutyPoint: Sendable, Equatable, Codable {
    /// A short title, used as the row label of the 考核评议表.
    public var title: String
    /// The seed's wording.
    public var text: String
    /// Phrases whose presence in a 述法 text counts as covering the point.
    public var keywords: [String]
}
