import CZlibShim

/// The first bytes of a part that every document of a batch begins with (its declaration, fonts and automatic
/// styles), compressed once: raw deflate blocks ending at a byte, none of them final (zlib's sync flush at level
/// 9), so the deflate stream of the rest of each document's part can follow them as it stands.
public struct DeflatedHead: Sendable {
    /// The head's own bytes.
    public let bytes: [UInt8]
    /// Their CRC-32, which the rest's continues.
    let crc: UInt32
    /// Their deflate blocks: ended by an empty stored block, the last not final; nothing for an empty head.
    let blocks: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        crc = CRC32.checksum(bytes)
        blocks = bytes.isEmpty ? [] : Self.syncFlushed(bytes)
    }

    private static func syncFlushed(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        let ready = deflateInit2_(&stream, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                                  Int32(MemoryLayout<z_stream>.size))
        precondition(ready == Z_OK, "zlib could not start a compressor")
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 16)
        var input = bytes
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return deflate(&stream, Z_SYNC_FLUSH)
            }
        }
        precondition(status == Z_OK && stream.avail_in == 0, "zlib did not flush the head within its bound")
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }
}
