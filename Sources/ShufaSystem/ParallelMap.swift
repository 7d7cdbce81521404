import Foundation

/// Maps over items on all cores, keeping the order of results.
package enum ParallelMap {
    package static func run<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) throws -> R) -> [Result<R, Error>] {
        let results = ResultBox<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, Result { try body(items[index]) })
        }
        return results.values
    }

    private final class ResultBox<R>: @unchecked Sendable {
        private var storage: [Result<R, Error>?]
        private let lock = NSLock()
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: Result<R, Error>) { lock.withLock { storage[index] = value } }
        var values: [Result<R, Error>] { storage.map { $0! } }
    }
}
