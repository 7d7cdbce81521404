import Foundation
import ShufaKit

/// Whole processes timed for the comparisons: each child's wall-clock time and its own peak memory.
extension ChildProcess {
    /// Runs `executable` with `arguments` (and this process's environment plus `environment`) to its end, its
    /// output thrown away.
    static func timed(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> ChildProcess
    {
        try run(executable, arguments, Options(environment: environment, streams: .discard))
    }

    /// The median run of `times` runs.
    static func median(_ times: Int, _ executable: String, _ arguments: [String]) throws -> ChildProcess {
        median(try (0..<times).map { _ in try timed(executable, arguments) })
    }

    /// The median of runs, by wall-clock time.
    static func median(_ runs: [ChildProcess]) -> ChildProcess {
        runs.sorted { $0.seconds < $1.seconds }[runs.count / 2]
    }

    /// Two programs run `times` times each, taking turns (so a change in the machine's load falls on both), and
    /// the median run of each.
    static func alternate(
        _ times: Int, _ first: () throws -> ChildProcess, _ second: () throws -> ChildProcess
    ) rethrows -> (ChildProcess, ChildProcess) {
        var firsts: [ChildProcess] = [], seconds: [ChildProcess] = []
        for _ in 0..<times {
            firsts.append(try first())
            seconds.append(try second())
        }
        return (median(firsts), median(seconds))
    }

    /// The peak memory in MB.
    var peakMB: Double { Double(peakMemory) / 1_048_576 }
}
