import CZlibShim
import Foundation

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

extension [UInt8] {
    mutating func le16(_ value: UInt16) {
        append(UInt8(value & 0xff))
        append(UInt8(value >> 8))
    }

    mutating func le32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xff)) }
    }
}
