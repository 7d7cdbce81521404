import Foundation
import ShufaKit

/// The ODF validators of this process, one per schema folder: a compiled RELAX NG schema is large and never
/// changes, so every desk of a process (the tests make many) shares it.
enum ValidatorCache {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var loaded: [URL: ODFValidator] = [:]

    static func validator(_ schemas: URL) throws -> ODFValidator {
        try lock.withLock {
            if let found = loaded[schemas.standardizedFileURL] { return found }
            let validator: ODFValidator
            do { validator = try ODFValidator(schemaDirectory: schemas) } catch { throw DeskError.setup("\(error)") }
            loaded[schemas.standardizedFileURL] = validator
            return validator
        }
    }
}
