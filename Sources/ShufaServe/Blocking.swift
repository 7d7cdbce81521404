import Dispatch

/// Runs the library's blocking work (reading, checking, building, LibreOffice) on Dispatch's threads, off
/// the server's event loops and Swift's cooperative pool, so a long job never stalls other requests.
enum Blocking {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }
}
