import Foundation

/// Reads a file a user or a batch names, safely: only a regular file (not a folder, a FIFO or a device
/// such as /dev/zero, which would block or never end), and only up to a size limit checked before reading.
public enum RegularFile {
    /// Why the file was not read; rendered in Chinese by `SystemMessages`.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case missing
        case isFolder
        /// A FIFO, a socket or a device.
        case notRegular
        /// A symbolic link where none is followed.
        case symbolicLink
        case tooLarge(limit: Int)
        case unreadable(Int32)

        public var description: String { SystemMessages.text(self) }
    }

    /// The bytes of the file at `url` (following symbolic links), at most `limit` of them.
    public static func read(_ url: URL, limit: Int) throws(Problem) -> Data {
        try read(open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC), limit: limit)
    }

    /// The bytes of the file `name` in the open folder `folder`, never through a symbolic link.
    package static func read(_ name: String, in folder: Int32, limit: Int) throws(Problem) -> Data {
        try read(openat(folder, name, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC), limit: limit)
    }

    /// Reads the file open as `descriptor` (closing it), or says why not (`descriptor` < 0: why open failed).
    private static func read(_ descriptor: Int32, limit: Int) throws(Problem) -> Data {
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: throw .missing
            case ELOOP: throw .symbolicLink
            case let code: throw .unreadable(code)
            }
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(errno) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .isFolder
        default: throw .notRegular
        }
        guard status.st_size <= limit else { throw .tooLarge(limit: limit) }
        var data = Data(count: Int(status.st_size))
        var done = 0
        while done < data.count {
            let count = data.withUnsafeMutableBytes {
                Foundation.read(descriptor, $0.baseAddress! + done, $0.count - done)
            }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .unreadable(errno) }
            if count == 0 { return data.prefix(done) }
            done += count
        }
        return data
    }
}
