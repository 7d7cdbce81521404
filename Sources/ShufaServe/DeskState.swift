import Foundation
import ShufaKit

/// What the desk knows between requests — the roster in use, the batch, each leader's returned reports, the
/// tally — held in memory behind a lock and written to the data folder (atomically) on every change, so a
/// restarted server picks up where it was.
final class DeskState: @unchecked Sendable {
    private let folder: DataFolder
    private let lock = NSLock()
    private var rosterRecord: RosterRecord?
    private var batchRecord: BatchRecord?
    private var tallyRecord: TallyRecord?
    private var leaderRecords: [String: LeaderRecord] = [:]

    /// Returned reports kept per leader (older ones stay in the archive).
    static let keptReturns = 20

    init(folder: DataFolder) {
        self.folder = folder
        rosterRecord = Self.load(folder.roster)
        batchRecord = Self.load(folder.batchRecord)
        tallyRecord = Self.load(folder.tallyRecord)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.leaders.path)) ?? []
        for name in files where name.hasSuffix(".json") {
            if let record: LeaderRecord = Self.load(folder.leaders.appendingPathComponent(name)) {
                leaderRecords[record.leader] = record
            }
        }
    }

    var roster: RosterRecord? { lock.withLock { rosterRecord } }
    var batch: BatchRecord? { lock.withLock { batchRecord } }
    var tally: TallyRecord? { lock.withLock { tallyRecord } }
    func leader(_ id: String) -> LeaderRecord? { lock.withLock { leaderRecords[id] } }

    func setRoster(_ record: RosterRecord) throws(DeskError) {
        try Self.save(record, to: folder.roster)
        lock.withLock { rosterRecord = record }
    }

    func setBatch(_ record: BatchRecord) throws(DeskError) {
        try Self.save(record, to: folder.batchRecord)
        lock.withLock { batchRecord = record }
    }

    func setTally(_ record: TallyRecord) throws(DeskError) {
        try Self.save(record, to: folder.tallyRecord)
        lock.withLock { tallyRecord = record }
    }

    /// Adds a returned report to the leader's record.
    func addReturn(_ report: ReturnedReport, leader: String) throws(DeskError) {
        lock.lock()
        defer { lock.unlock() }
        var record = leaderRecords[leader] ?? LeaderRecord(leader: leader, returns: [])
        record.returns = Array((record.returns + [report]).suffix(Self.keptReturns))
        try Self.save(record, to: folder.leader(leader))
        leaderRecords[leader] = record
    }

    /// Every file the desk offers, by SHA-256.
    func files(_ sha256: String) -> [DeskFile] {
        lock.withLock {
            var found = (batchRecord?.files ?? []).filter { $0.sha256 == sha256 }
            found += (tallyRecord?.files ?? []).filter { $0.sha256 == sha256 }
            for record in leaderRecords.values {
                for report in record.returns {
                    found += [report.file, report.final].compactMap { $0 }.filter { $0.sha256 == sha256 }
                }
            }
            return found
        }
    }

    /// True when a record uses the file with this SHA-256 (the roster, the tally's input, a returned report).
    func references(_ sha256: String) -> Bool {
        let uploads = lock.withLock { [rosterRecord?.upload.sha256, tallyRecord?.upload.sha256] }
        return uploads.contains(sha256) || !files(sha256).isEmpty
    }

    private static func load<T: Decodable>(_ url: URL) -> T? {
        guard let data = try? RegularFile.read(url, limit: 256 << 20) else { return nil }
        return try? JSONDecoder().decode(T.self, from: data)
    }

    private static func save<T: Encodable>(_ value: T, to url: URL) throws(DeskError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do { try OutputFiles.writeAtomically(Array(try encoder.encode(value)), to: url) } catch {
            throw .dataFolder(path: url.path, reason: "\(error)")
        }
    }
}
