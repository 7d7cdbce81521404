import CZlibShim
import Foundation

/// Raw deflate (no zlib header), as ZIP's method 8 wants it. Compressor states are pooled and
/// reset between uses: setting one up allocates a quarter megabyte, which costs more than
/// compressing a small part.
public enum Deflate {
    public static func compress(_ bytes: [UInt8], level: Int32) -> [UInt8] {
        let deflater = pool.take(level: level)
        defer { pool.give(deflater) }
        return deflater.compress(bytes)
    }

    private static let pool = DeflaterPool()
}

/// One zlib compressor state.
private final class Deflater {
    let level: Int32
    private var stream = z_stream()

    init(level: Int32) {
        self.level = level
        guard deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            preconditionFailure("zlib deflateInit2 failed")
        }
    }

    deinit { deflateEnd(&stream) }

    func compress(_ bytes: [UInt8]) -> [UInt8] {
        deflateReset(&stream)
        let bound = Int(deflateBound(&stream, UInt(bytes.count)))
        var output = [UInt8](repeating: 0, count: bound)
        let written: Int = bytes.withUnsafeBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                let result = deflate(&stream, Z_FINISH)
                precondition(result == Z_STREAM_END, "zlib deflate did not finish within deflateBound")
                return outBuffer.count - Int(stream.avail_out)
            }
        }
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
