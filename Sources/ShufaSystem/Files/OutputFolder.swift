import Foundation
import Synchronization

/// The folder a batch is written into (`--out`, or the PDFs' folder), opened once and locked against a
/// second shufa writing there at the same time. Files go into it or into one level of folders inside it
/// (`report/…`), which are created and opened without following symbolic links: nothing is ever written
/// outside it. Every file is written atomically (`OutputFiles.write`).
public final class OutputFolder: @unchecked Sendable {
    /// The folder as given.
    public let url: URL
    private let descriptor: Int32
    private let lockDescriptor: Int32
    private let lock = NSLock()
    private var folders: [String: Int32] = [:]
    private let flushing = Atomic<Bool>(false)
    private let unflushed = Atomic<Int>(0)

    /// The lock file each writer holds (flock) while it writes into the folder.
    static let lockName = ".shufa.lock"

    /// Creates the folder when missing, opens it and takes its lock; checks that a file can be created in it.
    /// - Throws: `OutputError` when it is a file, cannot be written, or another shufa is writing into it.
    public init(_ url: URL) throws(OutputError) {
        self.url = url
        try Self.createPath(url)
        descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system(errno, path: url.path) }
        lockDescriptor = openat(descriptor, Self.lockName, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard lockDescriptor >= 0 else {
            let code = errno
            close(descriptor)
            throw .system(code, path: url.path)
        }
        guard flock(lockDescriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(lockDescriptor)
            close(descriptor)
            throw code == EWOULDBLOCK ? .busy(url.path) : .system(code, path: url.path)
        }
        try checkWritable()
    }

    deinit {
        for folder in folders.values { close(folder) }
        close(lockDescriptor)
        close(descriptor)
    }

    /// The path of `relative` inside the folder, for messages.
    public func path(_ relative: String) -> String { url.appendingPathComponent(relative, isDirectory: false).path }

    /// Writes `bytes` atomically at `relative`: a name in the folder, or `folder/name` one level down.
    /// `durable: false` leaves the flush to disk to `synchronize()`, which the batch calls once before its
    /// summary is written (one flush for the whole batch instead of one per file); meanwhile every
    /// `flushInterval` such files the disk is set to work on them (`startFlush`).
    public func write(_ bytes: [UInt8], to relative: String, durable: Bool = true) throws(OutputError) {
        let (folder, name) = try split(relative)
        try OutputFiles.write(bytes, named: name, in: folder, path: self.path(relative), durable: durable)
        if !durable && unflushed.add(1, ordering: .relaxed).newValue % Self.flushInterval == 0 { startFlush() }
    }

    /// How many files written without their own flush set the disk to work.
    static let flushInterval = 128

    /// A file `name` of the folder to be written line by line and committed (`StreamedFile`).
    package func stream(_ name: String) throws(OutputError) -> StreamedFile {
        try StreamedFile(named: name, in: descriptor, path: path(name))
    }

    /// Removes the file at `relative` (a name in the folder, or `folder/name` one level down), when there is
    /// one (a file or a link; a folder is an error).
    public func remove(_ relative: String) throws(OutputError) {
        let (folder, name) = try split(relative)
        guard unlinkat(folder, name, 0) == 0 || errno == ENOENT else { throw .system(errno, path: path(relative)) }
    }

    /// Creates (when missing) and opens the folder `name` inside this one.
    /// - Throws: `.symbolicLink` when it is a symbolic link, `.notAFolder` when it is a file.
    public func prepareFolder(_ name: String) throws(OutputError) {
        _ = try folder(name)
    }

    /// Removes temporary files left in the folder and in `folders` by a shufa that is no longer running
    /// (stopped by a crash or kill -9 between writing a file and renaming it).
    public func removeAbandonedTemporaries(in folders: [String]) throws(OutputError) {
        for name in [""] + folders {
            let folder = name.isEmpty ? descriptor : try folder(name)
            for entry in Self.entries(of: folder) {
                guard let owner = OutputFiles.temporaryOwner(entry), kill(owner, 0) != 0 && errno == ESRCH else {
                    continue
                }
                unlinkat(folder, entry, 0)
            }
        }
    }

    /// Flushes to disk everything written into the folder so far: the files' data (`syncfs` of the file
    /// system the folder is on: one flush for the batch) and the folders' entries (the renames).
    public func synchronize() {
        lock.withLock {
            fileSystemSync(descriptor)
            for folder in folders.values { fsync(folder) }
            fsync(descriptor)
        }
    }

    /// Starts flushing to disk what was written so far, on another thread, while the batch goes on (one flush
    /// at a time): the disk works beside the processors, and `synchronize()` at the end has less left to wait
    /// for. It promises nothing; only `synchronize()` does.
    public func startFlush() {
        guard !flushing.exchange(true, ordering: .acquiringAndReleasing) else { return }
        DispatchQueue.global(qos: .utility).async { [self] in
            fileSystemSync(descriptor)
            flushing.store(false, ordering: .releasing)
        }
    }

    // MARK: Private

    private func folder(_ name: String) throws(OutputError) -> Int32 {
        let result: Result<Int32, OutputError> = lock.withLock {
            if let open = folders[name] { return .success(open) }
            if mkdirat(descriptor, name, 0o755) != 0 && errno != EEXIST {
                return .failure(.system(errno, path: path(name)))
            }
            let folder = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard folder >= 0 else {
                let code = errno
                var status = stat()
                let isLink =
                    fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 && status.st_mode & S_IFMT == S_IFLNK
                return .failure(isLink || code == ELOOP ? .symbolicLink(path(name)) : .system(code, path: path(name)))
            }
            folders[name] = folder
            return .success(folder)
        }
        return try result.get()
    }

    private func split(_ relative: String) throws(OutputError) -> (folder: Int32, name: String) {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
            throw .fileNotWritten(path(relative), .init(code: EINVAL))
        }
        return parts.count == 1 ? (descriptor, parts[0]) : (try folder(parts[0]), parts[1])
    }

    /// Creates a file of a new name in the folder and removes it again: a read-only, immutable or full
    /// folder is found before anything is written.
    private func checkWritable() throws(OutputError) {
        let (file, name) = try OutputFiles.createTemporary(in: descriptor, path: url.path)
        close(file)
        unlinkat(descriptor, name, 0)
    }

    /// The names in an open folder.
    private static func entries(of folder: Int32) -> [String] {
        let copy = dup(folder)
        guard copy >= 0, let stream = fdopendir(copy) else { return [] }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Creates `url` and its missing parents, as `mkdir -p` does.
    /// - Throws: `.notAFolder` when it or a parent is a file, or why it cannot be created.
    package static func createPath(_ url: URL) throws(OutputError) {
        var path = ""
        for component in url.standardizedFileURL.path.split(separator: "/") {
            path += "/" + component
            guard mkdir(path, 0o755) != 0 else { continue }
            let code = errno
            var status = stat()
            if code == EEXIST || code == EACCES || code == EROFS || code == EPERM, stat(path, &status) == 0 {
                guard status.st_mode & S_IFMT == S_IFDIR else { throw .notAFolder(path) }
                continue
            }
            throw .system(code, path: path)
        }
    }
}

/// glibc's `syncfs(2)`: flushes the file system holding the open file to disk (Glibc's module map does not
/// export it, the C library does).
@_silgen_name("syncfs")
private func fileSystemSync(_ descriptor: Int32) -> Int32
