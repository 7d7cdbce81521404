import Foundation
import GRDB

/// An archive folder (档案库), opened: the SQLite index (WAL, waiting for other processes rather than
/// failing) and the content store.
public struct DocumentArchive: Sendable {
    public let location: ArchiveLocation
    let database: DatabaseQueue
    let store: ContentStore

    /// The oldest SQLite with the FTS5 trigram tokenizer.
    static let minimumSQLite = 3_034_000

    /// Opens the archive at `root`. With `create`, makes the folder and the index when missing; without,
    /// a folder with no index is `noArchive` — unless it has the store, when an `add` that created it was
    /// interrupted before the index was made: then the index is made now. The index of an archive made by an
    /// older shufa is brought up to date (see `ArchiveSchema`), after `notice` is told so.
    public init(
        _ root: URL, create: Bool = false, notice: (ArchiveNotice) -> Void = { _ in }
    ) throws(ArchiveError) {
        location = ArchiveLocation(root)
        store = ContentStore(location: location)
        let create = create || ContentStore.isPlainFolder(location.store)
        guard create || FileManager.default.fileExists(atPath: location.index.path) else {
            throw .noArchive(path: root.path)
        }
        var lock: ArchiveLock?
        if create {
            try Self.makeFolders(location)
            do { lock = try ArchiveLock(location.indexLock) } catch { throw .file(error) }
        }
        defer { withExtendedLifetime(lock) {} }
        do {
            database = try DatabaseQueue(path: location.index.path, configuration: Self.configuration)
            try database.writeWithoutTransaction { db in
                try Self.prepare(db, create: create, root: root, notice: notice)
            }
        } catch {
            throw ArchiveError.database(error, path: location.index)
        }
    }

    private static var configuration: Configuration {
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(120)
        configuration.prepareDatabase { db in
            // An archive outlives power cuts: every commit reaches the disk.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }

    /// Makes the archive folder (following a link to it) and its store and incoming folders, which must be
    /// real folders: a link there could send files out of the archive.
    private static func makeFolders(_ location: ArchiveLocation) throws(ArchiveError) {
        do {
            try makeFolder(location.root, followLink: true)
            try makeFolder(location.store, followLink: false)
            try makeFolder(location.incoming, followLink: false)
        } catch {
            throw .file(error)
        }
    }

    private static func makeFolder(_ url: URL, followLink: Bool) throws(FileFailure) {
        if mkdir(url.path, 0o755) == 0 { return }
        var code = errno
        if code == ENOENT && url.path != "/" {
            try makeFolder(url.deletingLastPathComponent(), followLink: true)
            if mkdir(url.path, 0o755) == 0 { return }
            code = errno
        }
        var info = stat()
        let found = (followLink ? stat(url.path, &info) : lstat(url.path, &info)) == 0
        if code == EEXIST && found && (info.st_mode & S_IFMT) == S_IFDIR { return }
        throw FileFailure(path: url.path, code: code == EEXIST ? ENOTDIR : code)
    }

    private static func prepare(
        _ db: Database, create: Bool, root: URL, notice: (ArchiveNotice) -> Void
    ) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if version > ArchiveSchema.version { throw ArchiveError.newerArchive(version: version) }
        guard version < ArchiveSchema.version else { return }
        guard create || version > 0 else { throw ArchiveError.noArchive(path: root.path) }
        let text = try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? "0"
        let parts = text.split(separator: ".").map { Int($0) ?? 0 } + [0, 0, 0]
        guard parts[0] * 1_000_000 + parts[1] * 1_000 + parts[2] >= minimumSQLite else {
            throw ArchiveError.unsupportedSQLite(version: text)
        }
        if version > 0 { notice(.upgradingIndex) }
        try ArchiveSchema.update(db)
    }

    /// Runs `body` in one IMMEDIATE transaction (waiting for other writers), mapping errors.
    func write<T>(_ body: (Database) throws -> T) throws(ArchiveError) -> T {
        do {
            return try database.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw ArchiveError.database(error, path: location.index)
        }
    }

    /// Runs `body` reading a consistent snapshot of the index.
    func read<T>(_ body: (Database) throws -> T) throws(ArchiveError) -> T {
        do { return try database.read(body) } catch { throw ArchiveError.database(error, path: location.index) }
    }
}

/// Times written into the index: the local time with its offset, to the second.
enum ArchiveClock {
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone.current
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
