import CZlibShim

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
        deflated(name, head: DeflatedHead([]), rest: bytes, level: level)
    }

    /// The part that is `head`'s bytes followed by `rest`: the head's blocks, compressed once, then `rest`
    /// compressed at `level`.
    public static func deflated(_ name: String, head: DeflatedHead, rest: [UInt8], level: Int32) -> ZipEntry {
        let crc = rest.withUnsafeBytes { libdeflate_crc32(head.crc, $0.baseAddress, $0.count) }
        return ZipEntry(name: name, method: 8, crc: crc, uncompressedSize: head.bytes.count + rest.count,
                        payload: head.blocks + Deflate.compress(rest, level: level))
    }
}
