import Foundation
import ShufaRoster

/// The units of a batch in roster order, with their leaders (without their texts) for the ballots, and
/// every leader (without texts) when a whole-roster document is written.
struct UnitMembers {
    let keeping: Bool
    let whole: Bool
    private(set) var units: [(name: String, leaders: [Leader])] = []
    private var index: [String: Int] = [:]
    private(set) var all: [Leader] = []

    init(keeping: Bool, whole: Bool) {
        self.keeping = keeping
        self.whole = whole
    }

    mutating func add(_ leaders: [Leader]) {
        guard keeping || whole else { return }
        for leader in leaders {
            let slim = Leader(id: leader.id, name: leader.name, unit: leader.unit, position: leader.position,
                              role: leader.role, indicators: leader.indicators, location: leader.location)
            if whole { all.append(slim) }
            guard keeping else { continue }
            if let at = index[leader.unit] {
                units[at].leaders.append(slim)
            } else {
                index[leader.unit] = units.count
                units.append((leader.unit, [slim]))
            }
        }
    }
}
