import Crypto
import Foundation

/// The SHA-256 and size of a file, read in chunks (a year's PDFs never sit in memory at once).
public struct FileDigest: Sendable, Equatable {
    public var sha256: String
    public var size: Int64

    /// Digests the file at `url`, calling `chunk` with every block read (to copy while hashing).
    public static func of(
        _ url: URL,
        chunk: ((UnsafeRawBufferPointer) throws(FileFailure) -> Void)? = nil
    ) throws(FileFailure) -> FileDigest {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileFailure(path: url.path, code: errno) }
        defer { close(descriptor) }
        var hasher = SHA256()
        var size: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileFailure(path: url.path, code: errno)
            }
            if count == 0 { break }
            size += Int64(count)
            var failure: FileFailure?
            buffer.withUnsafeBytes { raw in
                let block = UnsafeRawBufferPointer(rebasing: raw[0..<count])
                hasher.update(bufferPointer: block)
                do throws(FileFailure) { try chunk?(block) } catch { failure = error }
            }
            if let failure { throw failure }
        }
        return FileDigest(sha256: hex(hasher.finalize()), size: size)
    }

    /// The SHA-256 of bytes in memory, as lowercase hex.
    public static func sha256(_ bytes: some DataProtocol) -> String { hex(SHA256.hash(data: bytes)) }

    static func hex(_ digest: SHA256.Digest) -> String { digest.map { String(format: "%02x", $0) }.joined() }
}

/// A system call on a file failed: the path and the `errno`.
public struct FileFailure: Error, Sendable, Equatable {
    public var path: String
    public var code: Int32

    public init(path: String, code: Int32) {
        self.path = path
        self.code = code
    }
}

/// A SHA-256 computed over data arriving in pieces.
struct StreamingDigest {
    private var hasher = SHA256()

    mutating func update(_ data: Data) { hasher.update(data: data) }

    func finish() -> String { FileDigest.hex(hasher.finalize()) }
}
