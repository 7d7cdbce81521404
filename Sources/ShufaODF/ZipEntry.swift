/// One file of a ZIP archive, ready to be written: its bytes already compressed (or stored).
/// Prepare what does not change per document once, and reuse it for every package.
public struct ZipEntry: Sendable {
    public let name: String
    let method: UInt16
    let crc: UInt32
    let uncompressedSize: Int
    let payload: [UInt8]

    /// Stores `bytes` uncompressed (required for an ODF package's `mimetype`).
    public static func stored(_ name: String, _ bytes: [UInt8]) -> ZipEntry {
        ZipEntry(name: name, method: 0, crc: CRC32.checksum(bytes), uncompressedSize: bytes.count, payload: bytes)
    }

    /// Compresses `bytes` with raw deflate at `level` (1 fastest … 9 smallest).
    public static func deflated(_ name: String, _ bytes: [UInt8], level: Int32 = 6) -> ZipEntry {
        ZipEntry(name: name, method: 8, crc: CRC32.checksum(bytes), uncompressedSize: bytes.count,
                 payload: Deflate.compress(bytes, level: level))
    }
}
