import Foundation
import ShufaSystem

/// The first fault that stops a batch, set by whichever job meets it (thread-safe).
final class FaultLatch: @unchecked Sendable {
    private let lock = NSLock()
    private var first: OutputError?

    var fault: OutputError? { lock.withLock { first } }

    func set(_ fault: OutputError) { lock.withLock { if first == nil { first = fault } } }
}
