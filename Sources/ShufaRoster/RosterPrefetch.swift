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
