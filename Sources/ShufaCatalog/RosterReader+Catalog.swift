import ShufaRoster

extension Catalog {
    /// The roles and indicators a roster's records are checked against.
    public var rosterVocabulary: RosterVocabulary {
        RosterVocabulary(roles: roles.map(\.name), indicators: Set(roles.flatMap { $0.minimums.map(\.indicator) }))
    }
}

extension RosterReader {
    /// A reader that checks every record against the roles and indicators of `catalog`.
    public init(catalog: Catalog, options: RosterReadOptions = RosterReadOptions()) {
        self.init(vocabulary: catalog.rosterVocabulary, options: options)
    }
}
