import Foundation
import ShufaSystem

/// The catalog decoded before, kept in the cache folder (`CacheFolder`) as JSON: decoding catalog.yaml's YAML
/// takes about ten milliseconds at the start of every command, reading it back as JSON under one. The file
/// (`catalog-v1`) holds one catalog: a first line with the SHA-256 of this program's executable and the
/// catalog's bytes, then the catalog as `RawCatalog` encodes it. Another catalog or another build of shufa gives
/// another key, so what is read back is what decoding the YAML again would give. Only a catalog that decoded and
/// resolved is kept; a cache that cannot be read or written is passed by.
struct CatalogCache {
    static let fileName = "catalog-v1"

    private let file: URL
    private let key: [UInt8]

    /// The cache of `catalog`'s bytes in `folder`; nil when this program's file cannot be identified.
    init?(folder: URL, catalog: Data) {
        let program = CacheFolder.program
        guard program != "unknown" else { return nil }
        key = Array(HexDigest.sha256(Array("shufa catalog 1\n\(program)\n".utf8) + Array(catalog)).utf8) + [0x0A]
        file = folder.appendingPathComponent(Self.fileName)
    }

    /// The catalog kept under this key, if it is there.
    func read() -> RawCatalog? {
        guard let data = try? RegularFile.read(file, limit: Catalog.maximumBytes * 4), data.starts(with: key) else {
            return nil
        }
        return try? JSONDecoder().decode(RawCatalog.self, from: data.dropFirst(key.count))
    }

    /// Keeps `raw` under this key (in place of any other catalog).
    func write(_ raw: RawCatalog) {
        guard let json = try? JSONEncoder().encode(raw) else { return }
        try? OutputFolder.createPath(file.deletingLastPathComponent())
        try? OutputFiles.writeAtomically(key + Array(json), to: file)
    }
}
