/// A file the desk offers for download, found by its SHA-256 (the only name a link carries): where it is in
/// the data folder, the name it is downloaded under, and whose it is.
struct DeskFile: Codable, Sendable, Equatable {
    var sha256: String
    /// The path relative to the data folder, made by the desk (never from a request).
    var path: String
    /// The name it is downloaded under.
    var name: String
    /// The leader whose document it is; nil for a unit's or the whole batch's files.
    var leader: String?
    var unit: String
    /// A document kind (`draft`, `report` …), or `combined`, `zip`, `returned`, `final`, `tally`.
    var kind: String
    /// `odt`, `pdf`, `zip`, `xlsx` …
    var format: String

    /// Who may download it: a leader only their own documents; the other roles everything.
    func visible(to account: Account) -> Bool {
        guard account.role == .leader else { return true }
        return leader != nil && leader == account.leader && !["ballot", "combined", "zip", "tally"].contains(kind)
    }

    /// The link to it.
    var link: String { "/file/\(sha256)" }
}
