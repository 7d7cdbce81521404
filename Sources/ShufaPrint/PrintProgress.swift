import Foundation

/// Progress of a print run, reported while LibreOffice works.
public struct PrintProgress: Sendable, Equatable {
    /// Documents converted (or given up on) so far, of `total`.
    public var done: Int
    public var total: Int
    /// Seconds since the run started.
    public var elapsed: Double

    /// Estimated seconds left, once something is done.
    public var remaining: Double? {
        guard done > 0, done < total else { return done >= total ? 0 : nil }
        return elapsed / Double(done) * Double(total - done)
    }
}
