/// A roster already read whole, handed out in pieces.
public struct ListedRoster: RosterSource {
    private let roster: Roster
    private var position = 0
    private var problemsGiven = false

    public init(_ roster: Roster) { self.roster = roster }

    public var organization: String { roster.organization }
    public var year: Int { roster.year }
    public var failure: RosterError? { nil }

    public mutating func next(_ limit: Int) -> (leaders: [Leader], problems: [RosterProblem])? {
        guard position < roster.leaders.count || !problemsGiven else { return nil }
        let end = min(position + limit, roster.leaders.count)
        let piece = Array(roster.leaders[position..<end])
        position = end
        defer { problemsGiven = true }
        return (piece, problemsGiven ? [] : roster.problems)
    }
}
