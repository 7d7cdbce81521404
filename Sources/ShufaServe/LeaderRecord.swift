import ShufaKit

/// A leader's returned reports, newest last.
struct LeaderRecord: Codable, Sendable {
    var leader: String
    var returns: [ReturnedReport]
}
