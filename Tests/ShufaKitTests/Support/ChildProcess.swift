import Foundation
import Testing

/// The real `shufa` executable run as a child process, with its exit status, output, peak memory and time:
/// what a clerk's shell sees. Stopped (SIGKILL) when it passes its time limit.
struct ChildProcess {
    var status: Int32
    /// True when it was killed at the time limit.
    var timedOut: Bool
    var output: String
    var error: String
    /// Peak resident memory, in bytes (the kernel's count for the child, from wait4).
    var peakMemory: Int
    var seconds: Double

    /// The lines written to standard error.
    var errorLines: [Substring] { error.split(separator: "\n") }

    struct NotBuilt: Error, CustomStringConvertible {
        var description: String { "the shufa executable was not found beside the tests: run swift build first" }
    }

    /// The built `shufa` executable.
    static func executable() throws -> URL {
        guard let executable = RosterCommandTests.executable else { throw NotBuilt() }
        return executable
    }

    /// Runs `shufa` with `arguments` from the repository root; `environment` entries are added to the tests' own.
    /// (`env -C` sets the folder and then becomes `shufa`, so the peak memory is shufa's own.)
    static func shufa(
        _ arguments: [String], environment: [String: String] = [:], timeout: Double = 30
    ) throws -> ChildProcess {
        try run(executable().path, arguments, environment: environment, timeout: timeout)
    }

    static func run(
        _ path: String, _ arguments: [String], environment: [String: String] = [:], timeout: Double
    ) throws -> ChildProcess {
        let scratch = Repo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outPath = scratch.appendingPathComponent("out").path
        let errPath = scratch.appendingPathComponent("err").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0)=\($1)" }
        let argv = (["/usr/bin/env", "-C", Repo.root.path, path] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let start = Date()
        let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            if Date().timeIntervalSince(start) > timeout && !timedOut {
                kill(pid, SIGKILL)
                timedOut = true
            }
            usleep(20_000)
        }
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return ChildProcess(
            status: exitStatus, timedOut: timedOut,
            output: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            error: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
            peakMemory: usage.ru_maxrss * 1024, seconds: Date().timeIntervalSince(start))
    }
}

/// The limits every hostile input is held to (issue 10): an answer within 30 s and 500 MB.
enum Bounds {
    static let seconds = 30.0
    static let memory = 500 << 20

    /// Expects `run` to have stayed within the bounds, exiting with `status` and, when it failed, one line on
    /// standard error that names `file`.
    static func expect(
        _ run: ChildProcess, status: Int32, naming file: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(!run.timedOut && run.seconds < seconds, "took \(run.seconds) s", sourceLocation: sourceLocation)
        #expect(run.peakMemory < memory, "peak \(run.peakMemory >> 20) MB", sourceLocation: sourceLocation)
        #expect(run.status == status, "exit \(run.status): \(run.error)", sourceLocation: sourceLocation)
        if status == 2 {
            #expect(
                run.errorLines.count == 1 && run.error.contains(file), "\(run.error)", sourceLocation: sourceLocation)
        }
    }
}
