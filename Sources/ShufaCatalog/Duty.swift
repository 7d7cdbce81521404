/// One duty of a 职责清单 (seed 000) and the numbered tasks under it.
public struct Duty: Sendable, Equatable, Codable {
    /// A numbered task under a duty (seed 000: 1. 2. …).
    public struct Task: Sendable, Equatable, Codable {
        public var number: String
        public var text: String
    }

    public var number: String
    public var text: String
    public var tasks: [Task]
}
