import Foundation
import ShufaKit

/// Whole processes timed for the comparisons: each child's wall-clock time and its own peak memory.
extension ChildProcess {
    /// Runs `executable` with `arguments` to its end, its output thrown away.
    static func timed(_ executable: String, _ arguments: [String]) throws -> ChildProcess {
        try run(executable, arguments, Options(streams: .discard))
    }

    /// The median run of `times` runs.
    static func median(_ times: Int, _ executable: String, _ arguments: [String]) throws -> ChildProcess {
        let runs = try (0..<times).map { _ in try timed(executable, arguments) }
        return runs.sorted { $0.seconds < $1.seconds }[times / 2]
    }

    /// The peak memory in MB.
    var peakMB: Double { Double(peakMemory) / 1_048_576 }
}
