import ShufaKit

/// A leader of the roster, as pages list them.
struct LeaderEntry: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var unit: String
    var position: String
    var role: String

    init(id: String, name: String, unit: String, position: String, role: String) {
        self.id = id
        self.name = name
        self.unit = unit
        self.position = position
        self.role = role
    }

    init(_ leader: Leader) {
        id = leader.id
        name = leader.name
        unit = leader.unit
        position = leader.position
        role = leader.role
    }
}
