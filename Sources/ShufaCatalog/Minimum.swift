/// A yearly minimum an indicator must reach (最低要求), with the seed's wording.
public struct Minimum: Sendable, Equatable, Codable {
    public var indicator: String
    public var minimum: Double
    public var unit: String
    public var basis: String
    public var source: String
}
