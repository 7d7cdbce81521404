import Crypto
import Foundation

/// A file of the output folder written a line at a time while the batch runs (the journal): into a new
/// temporary file (created exclusively, never through a link), renamed to its name and flushed by `commit`,
/// so like every other file it never stands half-written under its name. Holds a small buffer, never the file.
package final class StreamedFile {
    private let folder: Int32
    private let descriptor: Int32
    private let temporary: String
    let name: String
    private let path: String
    private var buffer: [UInt8] = []
    private var hasher = SHA256()
    private var failure: Int32 = 0
    private(set) var lines = 0

    init(named name: String, in folder: Int32, path: String) throws(OutputError) {
        (descriptor, temporary) = try OutputFiles.createTemporary(in: folder, path: path)
        self.folder = folder
        self.name = name
        self.path = path
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if failure != -1 { unlinkat(folder, temporary, 0) }
    }

    private static let bufferSize = 1 << 16

    /// Appends one line (a newline is added).
    package func append(line bytes: [UInt8]) {
        buffer += bytes
        buffer.append(0x0A)
        hasher.update(data: bytes)
        hasher.update(data: [0x0A])
        lines += 1
        if buffer.count >= Self.bufferSize { flush() }
    }

    private func flush() {
        guard failure == 0, !buffer.isEmpty else { return buffer.removeAll(keepingCapacity: true) }
        buffer.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count {
                let result = write(descriptor, raw.baseAddress! + written, raw.count - written)
                if result < 0 && errno == EINTR { continue }
                guard result > 0 else { failure = result < 0 ? errno : EIO; return }
                written += result
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered, flushes the file to disk and renames it to its name; returns its SHA-256.
    package func commit() throws(OutputError) -> String {
        flush()
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        if failure == 0 && renameat(folder, temporary, folder, name) != 0 { failure = errno }
        guard failure == 0 else { throw .system(failure, path: path) }
        failure = -1
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
