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
        if used.contains(Self.collisionKey(name)) {
            let digest = SHA256.hash(data: Data(text.utf8)).prefix(4).map { String(format: "%02x", $0) }.joined()
            name = "\(plain)~\(digest)"
        }
        var counter = 2
        let base = name
        while used.contains(Self.collisionKey(name)) {
            name = "\(base)~\(counter)"
            counter += 1
        }
        used.insert(Self.collisionKey(name))
        return name
    }

    /// How a case-insensitive, normalising file system compares names.
    private static func collisionKey(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased()
    }
}
