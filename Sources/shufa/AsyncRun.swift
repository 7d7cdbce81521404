import Foundation

/// Runs async work from the synchronous command line, waiting for it.
enum AsyncRun {
    static func wait(_ body: @escaping @Sendable () async throws -> Void) -> Result<Void, Error> {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        Task {
            do { try await body() } catch { box.set(.failure(error)) }
            done.signal()
        }
        done.wait()
        return box.result
    }

    private final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Result<Void, Error> = .success(())
        func set(_ result: Result<Void, Error>) { lock.withLock { value = result } }
        var result: Result<Void, Error> { lock.withLock { value } }
    }
}
