import Foundation

/// Compressors ready for reuse, one per thread at a time.
final class DeflaterPool: @unchecked Sendable {
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
