import Foundation
import ShufaXML
import ShufaSystem
import ZIPFoundation

/// The XML parts of an ODF document, from a Flat XML file or a package, with size limits so a
/// hostile archive (a zip bomb) is refused rather than unpacked.
public struct ODFParts: Sendable {
    /// The part name (`content.xml`, … or the file name for Flat XML) and its bytes.
    public var parts: [(name: String, bytes: [UInt8])]
    /// True when the document is a package (.odt).
    public var isPackage: Bool
    /// Packaging problems found while reading (mimetype not first or not stored, …).
    public var packagingIssues: [PackagingIssue]

    /// The largest part accepted, uncompressed.
    public static let partLimit = 64 << 20

    /// The largest file read (a package may hold pictures; each part stays under `partLimit`).
    public static let fileLimit = 256 << 20

    /// Why a file is not an ODF document shufa can read, with the file's name; rendered in Chinese by
    /// `ODFMessages`.
    public enum ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Not a regular file (a folder, a FIFO, a device), missing, or too large.
        case file(String, RegularFile.Problem)
        case empty(String)
        /// Flat XML larger than a part may be (the limit in bytes).
        case tooLarge(String, limit: Int)
        /// Starts like a ZIP archive but cannot be opened as one (truncated, damaged).
        case damagedPackage(String)
        /// A ZIP archive without any entry.
        case emptyPackage(String)
        /// A package without `content.xml`.
        case noContent(String)
        /// A part (its name) whose size, unpacked, is over the limit.
        case partTooLarge(String, part: String, size: UInt64, limit: Int)
        /// A part that cannot be unpacked (damaged, or grew past the limit while unpacking).
        case partUnreadable(String, part: String, limit: Int)
        /// A part whose checksum does not match its content.
        case partDamaged(String, part: String)
        /// A package whose parts are encrypted: saved with a password.
        case passwordProtected(String)

        /// The file's name.
        public var file: String {
            switch self {
            case .file(let file, _), .empty(let file), .tooLarge(let file, _), .damagedPackage(let file),
                .emptyPackage(let file), .noContent(let file), .partTooLarge(let file, _, _, _),
                .partUnreadable(let file, _, _), .partDamaged(let file, _), .passwordProtected(let file):
                return file
            }
        }

        /// What is wrong, without the file's name.
        public var message: String { ODFMessages.text(self) }
        /// `file：message`.
        public var description: String { "\(file)：\(message)" }
    }

    /// What is wrong with how a package is put together, though its parts can be read.
    public enum PackagingIssue: Sendable, Equatable, CustomStringConvertible {
        case mimetypeNotFirst
        case mimetypeCompressed

        public var description: String { ODFMessages.text(self) }
    }

    /// Reads `url`: a package when it starts like a ZIP archive, Flat XML otherwise. Only a regular file is
    /// read (not a folder, a FIFO or a device such as /dev/zero), and only up to `fileLimit`.
    public static func read(_ url: URL) throws(ReadError) -> ODFParts {
        let file = url.lastPathComponent
        let data: Data
        do { data = try RegularFile.read(url, limit: fileLimit) } catch { throw .file(file, error) }
        return try read(data, file: file)
    }

    /// Reads a document held in memory; `file` names it in messages.
    public static func read(_ data: Data, file: String) throws(ReadError) -> ODFParts {
        guard !data.isEmpty else { throw .empty(file) }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try package(data, file: file) }
        guard data.count <= partLimit else { throw .tooLarge(file, limit: partLimit) }
        return ODFParts(parts: [(file, Array(data))], isPackage: false, packagingIssues: [])
    }

    private static func package(_ data: Data, file: String) throws(ReadError) -> ODFParts {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch { throw .damagedPackage(file) }
        var issues: [PackagingIssue] = []
        let entries = Array(archive)
        if let first = entries.first {
            if first.path != "mimetype" { issues.append(.mimetypeNotFirst) }
            else if first.isCompressed { issues.append(.mimetypeCompressed) }
        } else {
            throw .emptyPackage(file)
        }
        var parts: [(String, [UInt8])] = []
        for name in ["mimetype", "META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml", "settings.xml"] {
            guard let entry = archive[name] else { continue }
            parts.append((name, try extract(entry, from: archive, file: file)))
            if name == "META-INF/manifest.xml", isEncrypted(manifest: parts[parts.count - 1].1) {
                throw .passwordProtected(file)
            }
        }
        guard parts.contains(where: { $0.0 == "content.xml" }) else { throw .noContent(file) }
        return ODFParts(parts: parts, isPackage: true, packagingIssues: issues)
    }

    /// True when the manifest gives encryption data for a part (ODF 1.3 part 2, 3.8.3): the document was
    /// saved with a password.
    static func isEncrypted(manifest: [UInt8]) -> Bool {
        guard let document = try? XMLDocument(bytes: manifest, source: "manifest.xml"), let root = document.root else {
            return false
        }
        return root.descendants().contains { $0.is(Namespace.manifest, "encryption-data") }
    }

    /// Unpacks one entry, stopping as soon as it passes the size limit, whatever its header claims.
    package static func extract(_ entry: Entry, from archive: Archive, file: String) throws(ReadError) -> [UInt8] {
        guard entry.uncompressedSize <= UInt64(partLimit) else {
            throw .partTooLarge(file, part: entry.path, size: entry.uncompressedSize, limit: partLimit)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        do {
            // The checksum is verified below with zlib's CRC-32, several times faster than ZIPFoundation's own.
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: true) { chunk in
                bytes.append(contentsOf: chunk)
                if bytes.count > partLimit { throw CocoaError(.fileReadTooLarge) }
            }
        } catch {
            throw .partUnreadable(file, part: entry.path, limit: partLimit)
        }
        guard CRC32.checksum(bytes) == entry.checksum else { throw .partDamaged(file, part: entry.path) }
        return bytes
    }

    /// The bytes of a part.
    public func part(_ name: String) -> [UInt8]? { parts.first { $0.name == name }?.bytes }
}

extension ODFParts {
    /// The same document with vendor-extension elements and attributes removed from every XML part
    /// (parts that do not parse are kept as they are).
    public func withoutVendorExtensions() -> ODFParts {
        var copy = self
        copy.parts = parts.map { name, bytes in
            guard name.hasSuffix(".xml") || name.hasSuffix(".fodt"),
                let document = try? XMLDocument(bytes: bytes, source: name),
                let root = document.root
            else { return (name, bytes) }
            VendorExtensions.strip(root)
            return (name, document.serialized())
        }
        return copy
    }
}
