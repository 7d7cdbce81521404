import Crypto
import Foundation
import ShufaText

/// The names given so far in a batch, to give the next text a name none of them has (see
/// `OutputFiles.uniqueNames`); names are given one at a time, as the roster is read.
public struct UniqueNames: Sendable {
    private var used = Set<String>()

    public init() {}

    public mutating func next(_ text: String) -> String { next(text, plain: Self.plain(text)) }

    /// The names of `texts`, in order, as `next` gives them one by one; the safe names and their comparison
    /// keys, which take most of the time, are made on every core.
    public mutating func next(_ texts: [String]) -> [String] {
        let plain = ParallelMap.run(texts) { Self.plain($0) }
        return zip(texts, plain).map { text, plain in next(text, plain: plain.get()) }
    }

    /// A text's safe name and how a file system compares it.
    private static func plain(_ text: String) -> (name: String, key: String) {
        let name = OutputFiles.safeName(text, limit: OutputFiles.maximumStemLength)
        return (name, collisionKey(name))
    }

    private mutating func next(_ text: String, plain: (name: String, key: String)) -> String {
        var name = plain.name
        var key = plain.key
        if used.contains(key) {
            let digest = SHA256.hash(data: Data(text.utf8)).prefix(4).map { String(format: "%02x", $0) }.joined()
            name = "\(plain.name)~\(digest)"
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

    /// How a case-insensitive, normalising file system compares names. Simple text (`SimpleText`) is its own
    /// canonical composition but for U+2000 and U+2001 (singletons to U+2002 and U+2003).
    static func collisionKey(_ name: String) -> String {
        let composed = SimpleText.isSimple(name)
            && !name.unicodeScalars.contains { (0x2000...0x2001).contains($0.value) }
        return (composed ? name : name.precomposedStringWithCanonicalMapping).lowercased()
    }
}
