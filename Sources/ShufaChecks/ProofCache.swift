import Crypto
import Foundation
import ShufaSystem
import ShufaXML

/// The proofs of `SchemaProof` kept from one batch to the next, so a batch whose templates and document shapes
/// were proved before validates nothing and never parses the ODF schema.
///
/// A proof is a fact computed by a program from inputs: "template T rendered in format F with the probe data is
/// valid against schema S", "a document of shape X made from T in F is valid against S". Each entry is the
/// SHA-256 of everything the fact depends on: this program (its executable file's identity: a rebuilt or
/// replaced shufa is another file), libxml2 (its version and its library file), the bytes of both schema files,
/// the template's bytes and fields (`CompiledTemplate.identity`), the format and the shape. Any change to one of
/// them gives another key, so an entry can only ever say what validating again would say. Only facts that
/// passed are stored; the file holds nothing else (no paths, no names), is written whole under a new name and
/// renamed, and is bounded to `maximumEntries` lines (the oldest dropped).
package final class ProofCache: @unchecked Sendable {
    /// The file of proofs in the cache folder.
    static let fileName = "schema-proofs-v1"
    static let maximumEntries = 20_000

    private let folder: URL?
    private let identity: [UInt8]
    private let lock = NSLock()
    private var known: Set<String> = []
    private var added: [String] = []

    /// The cache in `folder` (none when nil, or when the program or a schema file cannot be identified).
    init(folder: URL?, schemaDirectory: URL) {
        var hasher = SHA256()
        hasher.update(data: Array("shufa schema proofs 1\n\(XMLEngine.identity)\n".utf8))
        let program = CacheFolder.program
        hasher.update(data: Array("\(program)\n".utf8))
        var usable = program != "unknown"
        for file in ODFValidator.schemaFiles {
            let url = schemaDirectory.appendingPathComponent(file)
            guard let bytes = try? RegularFile.read(url, limit: 64 << 20) else { usable = false; break }
            hasher.update(data: Array(HexDigest.sha256(Array(bytes)).utf8))
        }
        identity = Array(hasher.finalize())
        self.folder = usable ? folder : nil
        known = Set(readEntries())
    }

    /// The key of a fact: `parts` (template identity, format, shape…) under this program, engine and schemas.
    func key(_ parts: [UInt8]...) -> String {
        var hasher = SHA256()
        hasher.update(data: identity)
        for part in parts {
            hasher.update(data: withUnsafeBytes(of: UInt64(part.count).littleEndian, Array.init))
            hasher.update(data: part)
        }
        return HexDigest.hex(hasher.finalize())
    }

    func contains(_ key: String) -> Bool { lock.withLock { known.contains(key) } }

    /// Records a fact that was proved in this batch (kept by `save`).
    func insert(_ key: String) {
        lock.withLock {
            guard folder != nil, known.insert(key).inserted else { return }
            added.append(key)
        }
    }

    /// Writes the proofs of this batch into the cache (with those another batch may have written meanwhile).
    /// A cache that cannot be written is left as it is: it only saves time.
    func save() {
        let new = lock.withLock { () -> [String] in
            defer { added = [] }
            return added
        }
        guard let folder, !new.isEmpty else { return }
        let fresh = Set(new)
        var entries = readEntries().filter { !fresh.contains($0) } + new
        entries = Array(entries.suffix(Self.maximumEntries))
        let bytes = Array(entries.map { $0 + "\n" }.joined().utf8)
        do {
            try OutputFolder.createPath(folder)
            try OutputFiles.writeAtomically(bytes, to: folder.appendingPathComponent(Self.fileName))
        } catch {
            return
        }
    }

    private func readEntries() -> [String] {
        guard let folder,
              let data = try? RegularFile.read(folder.appendingPathComponent(Self.fileName), limit: 4 << 20)
        else { return [] }
        return data.split(separator: 0x0A).filter { $0.count == 64 }.map { String(decoding: $0, as: UTF8.self) }
    }
}
