import Foundation
import ShufaSystem

/// A JSON or YAML roster read and parsed on another thread (the parse needs no catalog), started while the
/// catalog and templates load; `RosterReader.open(_:prefetched:)` takes it and checks the records. A table is
/// not prefetched: the reader streams or reads it itself.
public final class RosterPrefetch: @unchecked Sendable {
    /// The roster file.
    public let url: URL
    private let done = DispatchSemaphore(value: 0)
    private var file: Result<Data, RosterError>?
    private var parsed: Result<[String: Any], RosterError>?

    /// Starts reading `url` when its extension says JSON or YAML.
    public init(_ url: URL) {
        self.url = url
        guard let format = RosterFormat(pathExtension: url.pathExtension), !format.isTable else {
            done.signal()
            return
        }
        DispatchQueue.global().async { [self] in
            let name = url.lastPathComponent
            do throws(RegularFile.Problem) {
                let data = try RegularFile.read(url, limit: RosterReader.maximumFileBytes)
                file = .success(data)
                if !data.isEmpty {
                    parsed = Result { () throws(RosterError) in
                        try RosterReader.parse(data, file: name, format: format)
                    }
                }
            } catch {
                file = .failure(RosterError(file: name, .file(error)))
            }
            done.signal()
        }
    }

    /// The prefetch `start(commandLine:)` started, until `of(_:)` takes it.
    nonisolated(unsafe) private static var early: RosterPrefetch?
    private static let earlyLock = NSLock()

    /// Starts reading, before the command line is parsed, the roster `rosterArgument(commandLine:)` finds:
    /// parsing the command line takes longer than the first read of a roster.
    public static func start(commandLine arguments: [String]) {
        guard let path = rosterArgument(commandLine: arguments) else { return }
        let prefetch = RosterPrefetch(URL(fileURLWithPath: path))
        earlyLock.withLock { early = prefetch }
    }

    /// The JSON or YAML roster a `shufa build` command line names: `build`, or no command, then arguments, the
    /// first with a JSON or YAML extension being the roster. A guess: `of(_:)` uses what `start` read only for the
    /// same file, and a wrong guess costs one read of a file.
    static func rosterArgument(commandLine arguments: [String]) -> String? {
        let isRoster = { (argument: String) in
            RosterFormat(pathExtension: URL(fileURLWithPath: argument).pathExtension).map { !$0.isTable } ?? false
        }
        guard let first = arguments.dropFirst().first, first == "build" || first.hasPrefix("-") || isRoster(first)
        else { return nil }
        return arguments.dropFirst().first(where: isRoster)
    }

    /// The prefetch of `url`: the one `start(commandLine:)` started when it reads this file, else a new one.
    public static func of(_ url: URL) -> RosterPrefetch {
        let started = earlyLock.withLock { () -> RosterPrefetch? in
            defer { early = nil }
            return early
        }
        if let started, started.url == url { return started }
        return RosterPrefetch(url)
    }

    /// The file's bytes and, when it is not empty, the parsed document, handed over once (the prefetch keeps
    /// nothing); nil when `url` is not prefetched.
    func take() -> (file: Result<Data, RosterError>, parsed: Result<[String: Any], RosterError>?)? {
        done.wait()
        defer {
            file = nil
            parsed = nil
        }
        return file.map { ($0, parsed) }
    }
}
