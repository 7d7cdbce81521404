import Foundation

/// Maps over items on all cores, keeping the order of results.
package enum ParallelMap {
    /// `body` of every item, in the items' order, each a value or the error it threw.
    package static func run<T: Sendable, R: Sendable, E: Error>(
        _ items: [T], _ body: @Sendable (T) throws(E) -> R
    ) -> [Result<R, E>] {
        let results = ResultBox<R, E>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, Result { () throws(E) -> R in try body(items[index]) })
        }
        return results.values
    }

    private final class ResultBox<R, E: Error>: @unchecked Sendable {
        private var storage: [Result<R, E>?]
        private let lock = NSLock()
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: Result<R, E>) { lock.withLock { storage[index] = value } }
        var values: [Result<R, E>] { storage.map { $0! } }
    }
}
