import Foundation

/// The archive's files, each stored once under its SHA-256 (`store/ab/ab…`), read-only. A file is copied
/// into `incoming/` under a fresh name, hashed while it is copied, made read-only and only then renamed into
/// the store, so a name in the store always holds the complete file it names. `sync` then flushes them all
/// to disk at once (many flushes in parallel cost little more than one), before the index names them.
struct ContentStore: Sendable {
    let location: ArchiveLocation

    /// Copies `source` into the store, checking that its content still has the digest `expected`.
    func put(_ source: URL, expected: String) throws(StoreFailure) {
        let temporary = location.incoming.appendingPathComponent(UUID().uuidString)
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .file(FileFailure(path: temporary.path, code: errno)) }
        var closed = false
        defer {
            if !closed { close(descriptor) }
            unlink(temporary.path)
        }
        let digest: FileDigest
        do {
            digest = try FileDigest.of(source) { block throws(FileFailure) in
                try Self.write(block, to: descriptor, path: temporary.path)
            }
        } catch {
            throw .file(error)
        }
        guard digest.sha256 == expected else { throw .changed(source.path) }
        guard fchmod(descriptor, 0o444) == 0 else { throw .file(FileFailure(path: temporary.path, code: errno)) }
        closed = true
        guard close(descriptor) == 0 else { throw .file(FileFailure(path: temporary.path, code: errno)) }
        let target = location.file(expected)
        let folder = target.deletingLastPathComponent()
        if mkdir(folder.path, 0o755) != 0 && errno != EEXIST {
            throw .file(FileFailure(path: folder.path, code: errno))
        }
        guard rename(temporary.path, target.path) == 0 else { throw .file(FileFailure(path: target.path, code: errno)) }
    }

    /// Flushes stored files and the store's folders to disk, so they survive a power cut once the index
    /// names them.
    func sync(_ digests: [String]) {
        let folders = Set(digests.map { location.file($0).deletingLastPathComponent().path }) + [location.store.path]
        let paths = digests.map { location.file($0).path } + folders.sorted()
        DispatchQueue.concurrentPerform(iterations: min(32, paths.count)) { lane in
            for index in stride(from: lane, to: paths.count, by: 32) {
                let descriptor = open(paths[index], O_RDONLY | O_CLOEXEC)
                guard descriptor >= 0 else { continue }
                fsync(descriptor)
                close(descriptor)
            }
        }
    }

    /// Removes a stored file (one an interrupted `add` copied in but never indexed).
    func remove(_ sha256: String) {
        unlink(location.file(sha256).path)
    }

    /// Empties `incoming/` (copies an interrupted `add` left behind).
    func clearIncoming() -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: location.incoming.path)) ?? []
        for name in names { unlink(location.incoming.appendingPathComponent(name).path) }
        return names.count
    }

    /// Everything in the store folder: the digests of well-formed entries and the paths (relative to the
    /// archive) of anything else — a file with another name, a link, a folder where a file should be.
    func contents() -> (digests: [String], strays: [String]) {
        var digests: [String] = []
        var strays: [String] = []
        let manager = FileManager.default
        for fan in ((try? manager.contentsOfDirectory(atPath: location.store.path)) ?? []).sorted() {
            let folder = location.store.appendingPathComponent(fan)
            guard Self.isPlainFolder(folder), fan.count == 2 else {
                strays.append("store/\(fan)")
                continue
            }
            for name in ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() {
                let plain = Self.isPlainFile(folder.appendingPathComponent(name))
                if plain && ArchiveLocation.isDigest(name) && name.hasPrefix(fan) {
                    digests.append(name)
                } else {
                    strays.append("store/\(fan)/\(name)")
                }
            }
        }
        return (digests, strays)
    }

    static func isPlainFolder(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func isPlainFile(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    private static func write(_ block: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws(FileFailure) {
        var written = 0
        while written < block.count {
            let result = Foundation.write(descriptor, block.baseAddress! + written, block.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                throw FileFailure(path: path, code: errno)
            }
            written += result
        }
    }
}

/// Why a file could not be stored.
enum StoreFailure: Error {
    /// Reading the source or writing the copy failed.
    case file(FileFailure)
    /// The source changed between being read for the index and being copied (its path).
    case changed(String)
}
