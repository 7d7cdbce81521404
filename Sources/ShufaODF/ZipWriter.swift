import CZlibShim
import Foundation

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

/// Writes a ZIP archive in memory with fixed timestamps, so equal inputs give equal bytes.
public enum ZipWriter {
    /// 1980-01-01 00:00, the earliest DOS date: no wall-clock time enters the archive.
    static let dosTime: UInt16 = 0
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1

    /// The archive holding `entries` in the given order.
    public static func archive(_ entries: [ZipEntry]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.reduce(512) { $0 + $1.payload.count + 2 * $1.name.utf8.count + 92 })
        var offsets: [Int] = []
        for entry in entries {
            offsets.append(out.count)
            out.le32(0x0403_4b50)
            header(entry, into: &out)
            out.append(contentsOf: entry.name.utf8)
            out.append(contentsOf: entry.payload)
        }
        let directoryStart = out.count
        for (entry, offset) in zip(entries, offsets) {
            out.le32(0x0201_4b50)
            out.le16(20)  // made by: version 2.0
            header(entry, into: &out)
            out.le16(0)  // comment length
            out.le16(0)  // disk number
            out.le16(0)  // internal attributes
            out.le32(0)  // external attributes
            out.le32(UInt32(offset))
            out.append(contentsOf: entry.name.utf8)
        }
        let directorySize = out.count - directoryStart
        out.le32(0x0605_4b50)
        out.le16(0)
        out.le16(0)
        out.le16(UInt16(entries.count))
        out.le16(UInt16(entries.count))
        out.le32(UInt32(directorySize))
        out.le32(UInt32(directoryStart))
        out.le16(0)
        return out
    }

    /// The fields shared by local and central headers, from "version needed" to "extra length".
    private static func header(_ entry: ZipEntry, into out: inout [UInt8]) {
        out.le16(20)  // version needed
        out.le16(0x0800)  // flags: names are UTF-8
        out.le16(entry.method)
        out.le16(dosTime)
        out.le16(dosDate)
        out.le32(entry.crc)
        out.le32(UInt32(entry.payload.count))
        out.le32(UInt32(entry.uncompressedSize))
        out.le16(UInt16(entry.name.utf8.count))
        out.le16(0)  // extra length
    }
}

/// CRC-32 as ZIP uses it, through zlib.
public enum CRC32 {
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
    }
}

/// Raw deflate (no zlib header), as ZIP's method 8 wants it, through libdeflate (compressing a whole buffer at
/// once, three to four times faster than zlib at the same level). Compressors are pooled: setting one up
/// allocates and clears its tables, which costs more than compressing a small part.
public enum Deflate {
    public static func compress(_ bytes: [UInt8], level: Int32) -> [UInt8] {
        let deflater = pool.take(level: level)
        defer { pool.give(deflater) }
        return deflater.compress(bytes)
    }

    private static let pool = DeflaterPool()
}

/// One libdeflate compressor (levels 0 to 12).
private final class Deflater {
    let level: Int32
    private let compressor: OpaquePointer

    init(level: Int32) {
        self.level = level
        guard let compressor = libdeflate_alloc_compressor(level) else {
            preconditionFailure("libdeflate could not allocate a compressor")
        }
        self.compressor = compressor
    }

    deinit { libdeflate_free_compressor(compressor) }

    func compress(_ bytes: [UInt8]) -> [UInt8] {
        let bound = libdeflate_deflate_compress_bound(compressor, bytes.count)
        var output = [UInt8](repeating: 0, count: bound)
        let written = bytes.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                libdeflate_deflate_compress(compressor, input.baseAddress, input.count, out.baseAddress, out.count)
            }
        }
        precondition(written > 0 || bytes.isEmpty && written == 0, "libdeflate did not finish within its bound")
        output.removeSubrange(written...)
        return output
    }
}

/// Compressors ready for reuse, one per thread at a time.
private final class DeflaterPool: @unchecked Sendable {
    private var idle: [Deflater] = []
    private let lock = NSLock()

    func take(level: Int32) -> Deflater {
        lock.lock()
        defer { lock.unlock() }
        if let index = idle.lastIndex(where: { $0.level == level }) { return idle.remove(at: index) }
        return Deflater(level: level)
    }

    func give(_ deflater: Deflater) {
        lock.lock()
        idle.append(deflater)
        lock.unlock()
    }
}

extension [UInt8] {
    mutating func le16(_ value: UInt16) {
        append(UInt8(value & 0xff))
        append(UInt8(value >> 8))
    }

    mutating func le32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xff)) }
    }
}
