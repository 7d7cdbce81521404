import Foundation
import ShufaXML

/// The two schemas of a validator, parsed once, on first use (thread-safe).
final class SchemaLoad: @unchecked Sendable {
    typealias Loaded = (document: RelaxNGSchema, manifest: RelaxNGSchema)
    private let directory: URL
    private let lock = NSLock()
    private var loaded: Result<Loaded, RelaxNGSchema.LoadError>?

    init(_ directory: URL) { self.directory = directory }

    var isLoaded: Bool { lock.withLock { loaded != nil } }

    func get() -> Result<Loaded, RelaxNGSchema.LoadError> {
        lock.withLock {
            if let loaded { return loaded }
            let paths = ODFValidator.schemaFiles.map { directory.appendingPathComponent($0).path }
            let result = Result { () throws(RelaxNGSchema.LoadError) -> Loaded in
                (try RelaxNGSchema(path: paths[0]), try RelaxNGSchema(path: paths[1]))
            }
            loaded = result
            return result
        }
    }
}
