import Foundation

/// Another program run to its end, as a shell would see it: its exit status, what it wrote, how long it took
/// and its own peak memory (`ru_maxrss` from `wait4`, which counts that child alone). It runs in a process
/// group of its own, so that stopping it at its time limit reaches every process it started (LibreOffice's
/// `soffice` starts `oosplash`, which starts `soffice.bin`). Standard output and error go to files in a private
/// folder (read back, then removed) or are discarded; nothing can block on a full pipe.
public struct ChildProcess: Sendable {
    /// The exit status; 128 plus the signal's number when a signal ended it.
    public var status: Int32
    /// True when it was stopped (SIGKILL to its process group) at its time limit.
    public var timedOut: Bool
    /// Its standard output and standard error as UTF-8 text (empty unless captured).
    public var output: String
    public var error: String
    /// Its peak resident memory, in bytes.
    public var peakMemory: Int
    /// Wall-clock seconds from start to end.
    public var seconds: Double

    /// The lines it wrote to standard error.
    public var errorLines: [Substring] { error.split(separator: "\n") }

    /// How to run a program.
    public struct Options {
        /// Variables added to (or replacing those of) this process's environment.
        public var environment: [String: String] = [:]
        /// The working folder; this process's own when nil.
        public var directory: URL?
        /// What becomes of its standard output and error.
        public var streams = Streams.capture
        /// Seconds after which the program and everything it started are killed; none when nil.
        public var timeout: Double?
        /// Seconds between looks at a program with a time limit or a `whileWaiting`.
        public var pollInterval = 0.02
        /// Called at every look while the program runs (to show progress).
        public var whileWaiting: (() -> Void)?

        public init(environment: [String: String] = [:], directory: URL? = nil, streams: Streams = .capture,
                    timeout: Double? = nil, pollInterval: Double = 0.02,
                    whileWaiting: (() -> Void)? = nil) {
            (self.environment, self.directory, self.streams) = (environment, directory, streams)
            (self.timeout, self.pollInterval, self.whileWaiting) = (timeout, pollInterval, whileWaiting)
        }
    }

    /// What becomes of a program's standard output and error.
    public enum Streams: Sendable {
        /// Kept, and given back as `output` and `error`.
        case capture
        /// Thrown away (/dev/null).
        case discard
        /// This process's own: what it writes is shown as it goes.
        case inherit
    }

    /// Why a program could not be run at all; rendered in Chinese by `SystemMessages`.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The program could not be started (the system's error number).
        case cannotStart(String, code: Int32)
        /// The private folder for its output could not be made.
        case noWorkspace(OutputError)

        public var description: String { SystemMessages.text(self) }
    }

    /// Runs `executable` (a path, or a name looked up on the PATH) with `arguments` to its end.
    public static func run(_ executable: String, _ arguments: [String],
                           _ options: Options = Options()) throws(Failure) -> ChildProcess {
        let folder: PrivateFolder?
        do { folder = options.streams == .capture ? try PrivateFolder(prefix: "shufa-run") : nil } catch {
            throw .noWorkspace(error)
        }
        defer { folder?.remove() }
        let outPath = folder?.url.appendingPathComponent("out").path ?? "/dev/null"
        let errPath = folder?.url.appendingPathComponent("err").path ?? "/dev/null"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if options.streams != .inherit {
            posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        if let directory = options.directory { _ = spawnChangeDirectory(&actions, directory.path) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let variables = ProcessInfo.processInfo.environment.merging(options.environment) { $1 }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0)=\($1)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let start = Date()
        let spawned = posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw .cannotStart(executable, code: spawned) }
        let (status, usage, timedOut) = wait(for: pid, options, start: start)
        let read = { (path: String) in
            folder == nil ? "" : String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        }
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return ChildProcess(status: exit, timedOut: timedOut, output: read(outPath), error: read(errPath),
                            peakMemory: usage.ru_maxrss * 1024, seconds: Date().timeIntervalSince(start))
    }

    /// Waits for `pid` to end: blocking when there is neither a time limit nor anything to call while waiting,
    /// else looking every `pollInterval` seconds and killing its process group at the time limit.
    private static func wait(for pid: pid_t, _ options: Options,
                             start: Date) -> (status: Int32, usage: rusage, timedOut: Bool) {
        var status: Int32 = 0
        var usage = rusage()
        guard options.timeout != nil || options.whileWaiting != nil else {
            while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
            return (status, usage, false)
        }
        var timedOut = false
        while true {
            let result = wait4(pid, &status, WNOHANG, &usage)
            if result == pid || (result < 0 && errno != EINTR) { break }
            if let timeout = options.timeout, !timedOut, Date().timeIntervalSince(start) > timeout {
                kill(-pid, SIGKILL)
                timedOut = true
            }
            options.whileWaiting?()
            usleep(useconds_t(max(0.001, options.pollInterval) * 1_000_000))
        }
        return (status, usage, timedOut)
    }

    /// The first of `names` found as an executable file in a folder of the PATH.
    public static func locate(_ names: [String]) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").flatMap { folder in
            names.map { URL(fileURLWithPath: String(folder)).appendingPathComponent($0) }
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

/// glibc's `posix_spawn_file_actions_addchdir_np` (the C library has it; Glibc's module map does not export it).
@_silgen_name("posix_spawn_file_actions_addchdir_np")
private func spawnChangeDirectory(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>,
                                  _ path: UnsafePointer<CChar>) -> Int32
