import Foundation

/// A program run as a child process and measured whole: wall-clock time and its own peak resident memory
/// (`ru_maxrss` from `wait4`, which counts that child alone).
struct Child {
    var seconds: Double
    var peakMB: Double
    var status: Int32
    /// The child's processor time, user and system, on all its threads (it does not wait for the disk or for
    /// other processes, so it varies less than `seconds` on a shared machine).
    var cpuSeconds: Double = 0

    /// Runs `executable` with `arguments` and this process's environment plus `environment`, its output
    /// discarded.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) -> Child {
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var variables = ProcessInfo.processInfo.environment
        variables.merge(environment) { $1 }
        let envp = variables.map { strdup("\($0)=\($1)") } + [nil]
        defer { for pointer in envp { free(pointer) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pid: pid_t = 0
        let start = Date()
        guard posix_spawnp(&pid, executable, &actions, nil, argv, envp) == 0 else {
            return Child(seconds: 0, peakMB: 0, status: -1)
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Child(seconds: Date().timeIntervalSince(start), peakMB: Double(usage.ru_maxrss) / 1024,
                     status: (status >> 8) & 0xFF, cpuSeconds: cpu)
    }

    /// The median of runs (by time).
    static func median(_ runs: [Child]) -> Child { runs.sorted { $0.seconds < $1.seconds }[runs.count / 2] }

    /// Two programs run `times` times each, taking turns (so a change in the machine's load falls on both),
    /// and the median run of each.
    static func alternate(_ times: Int, _ first: () -> Child, _ second: () -> Child) -> (Child, Child) {
        var firsts: [Child] = [], seconds: [Child] = []
        for _ in 0..<times {
            firsts.append(first())
            seconds.append(second())
        }
        return (median(firsts), median(seconds))
    }
}
