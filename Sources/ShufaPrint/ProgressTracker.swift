import Foundation

/// Counts documents done and reports progress (thread-safe).
final class ProgressTracker: @unchecked Sendable {
    private let lock = NSLock()
    private var done = Set<Int>()
    private let total: Int
    private let start = Date()
    private let report: (@Sendable (PrintProgress) -> Void)?

    init(total: Int, report: (@Sendable (PrintProgress) -> Void)?) {
        self.total = total
        self.report = report
    }

    /// Marks `items` done and reports when the count changed.
    func markDone(_ items: Set<Int>) {
        let progress: PrintProgress? = lock.withLock {
            let before = done.count
            done.formUnion(items)
            return done.count == before ? nil : snapshot()
        }
        if let progress { report?(progress) }
    }

    /// The progress now; call with the lock held.
    private func snapshot() -> PrintProgress {
        PrintProgress(done: min(done.count, total), total: total, elapsed: Date().timeIntervalSince(start))
    }
}
