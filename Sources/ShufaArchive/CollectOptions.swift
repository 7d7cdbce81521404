import Foundation
import ShufaKit

/// How `add` reads its inputs.
public struct CollectOptions: Sendable {
    /// Checks generated and returned reports; nil leaves their verdict empty.
    public var checker: ReportChecker?
    /// The fontconfig file for LibreOffice, which converts returned Word documents for the checks.
    public var fontConfig: URL?
    /// `--year`: the year of documents that do not say.
    public var year: Int?
    /// `--leader`: the 编号 of a returned report that does not say.
    public var leader: String?

    public init(checker: ReportChecker? = nil, fontConfig: URL? = nil, year: Int? = nil, leader: String? = nil) {
        self.checker = checker
        self.fontConfig = fontConfig
        self.year = year
        self.leader = leader
    }
}

/// Maps over items on all cores, keeping their order.
enum Parallel {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) -> R) -> [R] {
        let box = Box<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in box.set(index, body(items[index])) }
        return box.values
    }

    private final class Box<R>: @unchecked Sendable {
        private var storage: [R?]
        private let lock = NSLock()
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: R) { lock.withLock { storage[index] = value } }
        var values: [R] { storage.map { $0! } }
    }
}
