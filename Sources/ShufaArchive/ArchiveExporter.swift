import Foundation
import GRDB
import ShufaKit
import ZIPFoundation

/// What `archive export` wrote.
public struct ExportReport: Sendable {
    public var path: String
    public var year: Int
    public var documents: Int
    public var bytes: Int64
}

/// `archive export`: a year's transfer package for the 档案馆, as a ZIP: the files (named by unit, leader
/// and kind, never by a name that came from outside), `index.csv`, `leaders.csv`, `trail.csv`, `说明.txt`,
/// and `manifest-sha256.txt` with the SHA-256 of every other entry (`sha256sum -c` checks it). The same
/// archive content gives the same bytes: entries in order, fixed dates, no time of export.
public struct ArchiveExporter: Sendable {
    public let archive: DocumentArchive

    public init(archive: DocumentArchive) { self.archive = archive }

    /// Writes the package of `year` to `output` (through a temporary file and a rename).
    public func export(year: Int, to output: URL) throws(ArchiveError) -> ExportReport {
        let package = try archive.read { db in try ExportPackage(year: year, db: db) }
        guard !package.documents.isEmpty else { throw .nothingArchived(year: year) }
        let temporary = output.deletingLastPathComponent().appendingPathComponent(
            ".\(output.lastPathComponent).\(getpid()).tmp")
        unlink(temporary.path)
        do {
            try write(package, to: temporary)
        } catch {
            unlink(temporary.path)
            throw error
        }
        guard rename(temporary.path, output.path) == 0 else {
            let failure = FileFailure(path: output.path, code: errno)
            unlink(temporary.path)
            throw .file(failure)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int64) ?? 0
        return ExportReport(path: output.path, year: year, documents: package.documents.count, bytes: size)
    }

    /// 1980-01-01 00:00 UTC: no clock time enters the package.
    private static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    private func write(_ package: ExportPackage, to url: URL) throws(ArchiveError) {
        let zip: ZIPFoundation.Archive
        do { zip = try ZIPFoundation.Archive(url: url, accessMode: .create) } catch {
            throw .file(FileFailure(path: url.path, code: errno == 0 ? EACCES : errno))
        }
        var manifest: [(path: String, sha256: String)] = []
        var entries: [(path: String, content: ExportPackage.Content)] = package.documents.map {
            ($0.path, .stored($0.sha256))
        }
        entries += package.tables.map { ($0.path, .text($0.text)) }
        for (path, content) in entries.sorted(by: { $0.path < $1.path }) {
            manifest.append((path, try add(content, at: path, of: package, to: zip, file: url)))
        }
        let lines = manifest.map { "\($0.sha256)  \($0.path)\n" }.joined()
        _ = try add(.text(lines), at: ExportPackage.manifestName, of: package, to: zip, file: url)
    }

    /// Adds one entry under the package folder; returns the SHA-256 of what was written.
    private func add(
        _ content: ExportPackage.Content, at path: String, of package: ExportPackage,
        to zip: ZIPFoundation.Archive, file: URL
    ) throws(ArchiveError) -> String {
        let name = package.root + "/" + path
        switch content {
        case .text(let text):
            let data = Data(text.utf8)
            do {
                try zip.addEntry(
                    with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: Self.entryDate,
                    permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            } catch {
                throw .file(FileFailure(path: file.path, code: EIO))
            }
            return FileDigest.sha256(data)
        case .stored(let sha256):
            return try addStored(sha256, name: name, to: zip, file: file)
        }
    }

    private func addStored(
        _ sha256: String, name: String, to zip: ZIPFoundation.Archive, file: URL
    ) throws(ArchiveError) -> String {
        let source = archive.location.file(sha256)
        let described = "\(ArchiveLocation.relativePath(sha256))（\(name)）"
        guard let handle = FileHandle(forReadingAtPath: source.path),
            let size = try? FileManager.default.attributesOfItem(atPath: source.path)[.size] as? Int64
        else {
            throw .damagedFile(described)
        }
        defer { try? handle.close() }
        let compressible = ["fodt", "json"].contains((name as NSString).pathExtension)
        var hasher = StreamingDigest()
        do {
            try zip.addEntry(
                with: name, type: .file, uncompressedSize: size, modificationDate: Self.entryDate, permissions: 0o444,
                compressionMethod: compressible ? .deflate : .none
            ) { _, chunk in
                let data = handle.readData(ofLength: chunk)
                hasher.update(data)
                return data
            }
        } catch {
            throw .file(FileFailure(path: file.path, code: EIO))
        }
        let digest = hasher.finish()
        guard digest == sha256 else { throw .damagedFile(described) }
        return digest
    }
}
