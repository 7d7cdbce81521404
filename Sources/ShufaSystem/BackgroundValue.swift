import Dispatch

/// A value made on another thread while the caller goes on, and waited for where it is needed.
package final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var value: Value?

    /// Starts making the value.
    package init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async { [self] in
            value = make()
            done.signal()
        }
    }

    /// The value, once made (waits for it the first time).
    package var ready: Value {
        done.wait()
        defer { done.signal() }
        return value!
    }
}
