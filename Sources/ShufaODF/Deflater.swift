import CZlibShim

/// One libdeflate compressor (levels 0 to 12).
final class Deflater {
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
