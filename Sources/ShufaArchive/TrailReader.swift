import GRDB

/// A leader's review trail, as `shufa review LEADER` lists it.
public struct LeaderTrail: Sendable {
    public var leader: LeaderInfo
    public var entries: [TrailEntry]
}

/// Reads the trail of one leader.
public struct TrailReader: Sendable {
    public let archive: DocumentArchive

    public init(archive: DocumentArchive) { self.archive = archive }

    public func trail(of leader: String, year: Int?) throws(ArchiveError) -> LeaderTrail {
        try archive.read { db in
            let info = try LeaderLookup.find(leader, year: year, db: db)
            return LeaderTrail(leader: info, entries: try Trail.entries(db, year: info.year, leader: info.id))
        }
    }
}
