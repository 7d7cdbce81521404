import Foundation

/// An flock on a file of the archive folder. `add` holds `add.lock` while it stores files and indexes
/// them: a second `add` waits for the first, and so does `verify`, which must not see an `add` half done.
/// Opening an archive to add holds `index.lock` while the index is made or opened, so two first `add`s
/// never race to make it. The kernel releases a lock when its process ends, even by kill -9, so a crashed
/// process never blocks the next one.
final class ArchiveLock {
    private let descriptor: Int32

    /// Takes the lock, calling `waiting` once if another process holds it, then waiting for it.
    init(_ url: URL, waiting: () -> Void = {}) throws(FileFailure) {
        descriptor = open(url.path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileFailure(path: url.path, code: errno) }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
        waiting()
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let code = errno
                close(descriptor)
                throw FileFailure(path: url.path, code: code)
            }
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
