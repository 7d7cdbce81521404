import CZlibShim
import Foundation

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
