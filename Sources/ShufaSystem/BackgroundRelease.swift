import Dispatch

/// Frees a large value on another thread: the objects of a roster of thousands of leaders take milliseconds
/// to free, which a batch need not wait for.
package enum BackgroundRelease {
    package static func release<T>(_ value: consuming T) {
        let held = Held(value: value)
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(held) {} }
    }

    /// A value handed to the releasing thread, never read there.
    private struct Held<T>: @unchecked Sendable {
        let value: T
    }
}
