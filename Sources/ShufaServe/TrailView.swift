import ShufaArchive

/// A leader's review trail as a table: when, which step, who (with the account), why.
struct TrailView {
    var leader: String
    var hasEntries: Bool
    var entries: [Entry]
    var state: String

    struct Entry {
        var at: String
        var state: String
        var actor: String
        var note: String
        var override: String
        var hasOverride: Bool
    }

    init(_ trail: LeaderTrail) {
        leader = "\(trail.leader.year)年度 \(trail.leader.label)"
        entries = trail.entries.map {
            Entry(
                at: DeskClock.shown($0.at), state: $0.state.chineseName, actor: $0.actor, note: $0.note,
                override: $0.override ?? "", hasOverride: $0.override != nil)
        }
        hasEntries = !entries.isEmpty
        state = trail.entries.last?.state.chineseName ?? "尚无记录"
    }
}
