import ShufaText

/// What a roster's records are checked against: the roles (述法主体类别) a leader may have and the indicators
/// the roles set minimums for. The catalog, a later stage, gives it (`RosterReader.init(catalog:options:)`),
/// so the roster never reads the catalog itself.
public struct RosterVocabulary: Sendable, Equatable {
    /// The role names, in the catalog's order.
    public var roles: [String]
    /// Indicator names: a table column of one of these names is an indicator whatever it holds.
    public var indicators: Set<String>

    public init(roles: [String], indicators: Set<String> = []) {
        self.roles = roles
        self.indicators = indicators
    }

    /// True when `role` is one of the roles.
    public func knows(role: String) -> Bool { roles.contains(role) }

    /// The known role closest to a misspelt `name`, for hints.
    public func closestRole(to name: String) -> String? {
        roles.min { EditDistance.between($0, name) < EditDistance.between($1, name) }
    }
}
