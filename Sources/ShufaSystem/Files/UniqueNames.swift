import Crypto
import Foundation

/// The names given so far in a batch, to give the next text a name none of them has (see
/// `OutputFiles.uniqueNames`); names are given one at a time, as the roster is read.
public struct UniqueNames: Sendable {
    private var used = Set<String>()

    public init() {}

    public mutating func next(_ text: String) -> String {
        let plain = OutputFiles.safeName(text, limit: OutputFiles.maximumStemLength)
        var name = plain
        var key = Self.collisionKey(name)
        if used.contains(key) {
            let digest = SHA256.hash(data: Data(text.utf8)).prefix(4).map { String(format: "%02x", $0) }.joined()
            name = "\(plain)~\(digest)"
            key = Self.collisionKey(name)
        }
        var counter = 2
        let base = name
        while used.contains(key) {
            name = "\(base)~\(counter)"
            key = Self.collisionKey(name)
            counter += 1
        }
        used.insert(key)
        return name
    }

    /// How a case-insensitive, normalising file system compares names.
    private static func collisionKey(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased()
    }
}
