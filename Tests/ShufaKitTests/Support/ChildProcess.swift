import Foundation
import ShufaSystem
import Testing

/// The real `shufa` executable run as a child process (ShufaSystem's `ChildProcess`), from the repository root:
/// what a clerk's shell sees, with its exit status, output, peak memory and time.
extension ChildProcess {
    struct NotBuilt: Error, CustomStringConvertible {
        var description: String { "the shufa executable was not found beside the tests: run swift build first" }
    }

    /// The built `shufa` executable, beside the test bundle (swift test builds every product).
    static func executable() throws -> URL {
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                          Repo.root.appendingPathComponent(".build/debug")]
        let found = candidates.map { $0.appendingPathComponent("shufa") }.first {
            FileManager.default.isExecutableFile(atPath: $0.path)
        }
        guard let found else { throw NotBuilt() }
        return found
    }

    /// Runs `shufa` with `arguments` from the repository root; `environment` entries are added to the tests' own;
    /// stopped (SIGKILL to its process group) after `timeout` seconds.
    static func shufa(
        _ arguments: [String], environment: [String: String] = [:], timeout: Double = 30
    ) throws -> ChildProcess {
        let options = Options(environment: environment, directory: Repo.root, timeout: timeout)
        return try run(executable().path, arguments, options)
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
