/// Where a report's 述法 part stands.
public enum LawPlacement: String, Sendable, Codable {
    /// The whole document is the 述法 (a law-only report).
    case whole
    /// One top-level item of its own (单独列项).
    case separate
    /// A sub-heading or a run-in 「二是」 inside another item.
    case subItem = "sub-item"
    /// In more than one place.
    case split
    /// Inside a table.
    case table
    /// No 述法 part.
    case none
}
