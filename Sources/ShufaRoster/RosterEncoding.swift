/// Rosters written back out in the roster contract's JSON shape (used by `shufa extract`).
extension Roster: Encodable {
    enum CodingKeys: String, CodingKey { case organization, year, leaders }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(organization, forKey: .organization)
        try container.encode(year, forKey: .year)
        try container.encode(leaders, forKey: .leaders)
    }
}

extension Leader: Encodable {
    enum CodingKeys: String, CodingKey {
        case id, name, unit, position, role, duty, law, problems, measures, indicators
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(unit, forKey: .unit)
        try container.encode(position, forKey: .position)
        try container.encode(role, forKey: .role)
        try container.encode(duty, forKey: .duty)
        try container.encode(law, forKey: .law)
        try container.encode(problems, forKey: .problems)
        try container.encode(measures, forKey: .measures)
        try container.encode(indicators, forKey: .indicators)
    }
}
