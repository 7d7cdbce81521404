import Foundation
import ShufaSystem

/// A roster file read in chunks, its UTF-8 byte order mark skipped; the descriptor is closed when the last copy
/// goes.
struct ChunkedFile {
    /// What tells a file changed: device, inode, size, modification time.
    struct Identity: Equatable {
        var device: UInt64, inode: UInt64, size: Int, seconds: Int, nanoseconds: Int
    }

    private final class Descriptor {
        let value: Int32
        init(_ value: Int32) { self.value = value }
        deinit { close(value) }
    }

    private let descriptor: Descriptor
    let identity: Identity
    private let chunkSize: Int
    private(set) var offset = 0
    private(set) var failed = false

    /// Opens the file (a regular file within the roster size limit); nil when it cannot be, or when it is no
    /// longer the file `expecting` describes.
    init?(_ url: URL, expecting: Identity?, chunkSize: Int) {
        guard let (descriptor, status) = try? RegularFile.openChecked(url, limit: RosterReader.maximumFileBytes) else {
            return nil
        }
        self.descriptor = Descriptor(descriptor)
        self.chunkSize = chunkSize
        identity = Identity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int(status.st_size),
                            seconds: status.st_mtim.tv_sec, nanoseconds: status.st_mtim.tv_nsec)
        if let expecting, expecting != identity { return nil }
        var start = [UInt8](repeating: 0, count: 3)
        if pread(descriptor, &start, 3, 0) == 3 && start == [0xEF, 0xBB, 0xBF] { offset = 3 }
    }

    /// True when the whole file was read, and it is still the size it was.
    var isComplete: Bool { !failed && offset == identity.size }

    /// The next chunk; nil at the end of the file (or after a read error, which sets `failed`).
    mutating func next() -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var count = 0
        while count < chunk.count {
            let read = chunk.withUnsafeMutableBytes { pread(descriptor.value, $0.baseAddress! + count, $0.count - count,
                                                            off_t(offset)) }
            if read < 0 && errno == EINTR { continue }
            guard read >= 0 else { failed = true; return nil }
            if read == 0 { break }
            count += read
            offset += read
        }
        guard count > 0 else { return nil }
        chunk.removeLast(chunk.count - count)
        return chunk
    }
}
