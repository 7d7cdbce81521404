import Foundation

/// Where the parts of an archive folder (档案库) are: the SQLite index, the content store (every file
/// named by its SHA-256, read-only), the folder new files are copied into before they are renamed into
/// the store, and the lock that lets one `add` at a time store files.
public struct ArchiveLocation: Sendable, Equatable {
    /// The archive folder.
    public let root: URL

    public init(_ root: URL) { self.root = root.standardizedFileURL }

    /// The SQLite index (with `-wal` and `-shm` beside it while open).
    public var index: URL { root.appendingPathComponent("index.sqlite") }
    /// The content store: `store/<first two hex digits>/<sha256>`.
    public var store: URL { root.appendingPathComponent("store") }
    /// Files being copied in; anything left here by an interrupted `add` is removed by the next.
    public var incoming: URL { root.appendingPathComponent("incoming") }
    /// Held (flock) by the `add` that is storing files.
    public var addLock: URL { root.appendingPathComponent("add.lock") }
    /// Held (flock) while an `add` makes or opens the index: SQLite's switch to WAL on a new index is not
    /// safe against a second process doing the same.
    public var indexLock: URL { root.appendingPathComponent("index.lock") }

    /// The stored file with content `sha256`.
    public func file(_ sha256: String) -> URL { root.appendingPathComponent(Self.relativePath(sha256)) }

    /// `store/ab/ab…`: where a file with content `sha256` is kept, relative to the archive folder.
    public static func relativePath(_ sha256: String) -> String { "store/\(sha256.prefix(2))/\(sha256)" }

    /// True for a lowercase hex SHA-256, the only names the store holds.
    public static func isDigest(_ name: String) -> Bool {
        name.utf8.count == 64 && name.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
