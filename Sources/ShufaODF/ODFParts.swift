import Foundation
import ShufaXML
import ShufaODF
import ZIPFoundation

/// The XML parts of an ODF document, from a Flat XML file or a package, with size limits so a
/// hostile archive (a zip bomb) is refused rather than unpacked.
public struct ODFParts: Sendable {
    /// The part name (`content.xml`, … or the file name for Flat XML) and its bytes.
    public var parts: [(name: String, bytes: [UInt8])]
    /// True when the document is a package (.odt).
    public var isPackage: Bool
    /// Packaging problems found while reading (mimetype not first or not stored, …).
    public var packagingIssues: [String]

    /// The largest part accepted, uncompressed.
    public static let partLimit = 64 << 20

    /// The largest file read (a package may hold pictures; each part stays under `partLimit`).
    public static let fileLimit = 256 << 20

    /// Why a file is not an ODF document shufa can read.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var file: String
        public var message: String
        public var description: String { "\(file)：\(message)" }

        public init(file: String, message: String) {
            self.file = file
            self.message = message
        }

        init(file: String, _ refusal: Refusal) {
            self.init(file: file, message: refusal.description)
        }
    }

    /// Why a file is refused before its content is looked at; rendered in Chinese here only.
    enum Refusal: CustomStringConvertible {
        /// Not a regular file (a folder, a FIFO, a device), missing, or too large.
        case file(RegularFile.Problem)
        /// A package whose parts are encrypted: saved with a password.
        case passwordProtected
        /// LibreOffice wrote nothing for a Word document.
        case notConverted
        /// LibreOffice could not be run.
        case converterFailed(String)
        /// LibreOffice is not installed: Word and WPS documents cannot be read.
        case noLibreOffice
        /// A .docx, .doc or .wps whose content is none of Word's or WPS's formats.
        case notWordDocument

        var description: String {
            switch self {
            case .file(let problem): return "\(problem)"
            case .passwordProtected: return "文档设有密码保护（已加密），无法读取：请在办公软件中取消密码后另存，再检查"
            case .notConverted:
                return "LibreOffice 未能转换此文件（已损坏、设有密码，或转换超时）：请用 Word 或 WPS 打开后重新另存为 .docx 或 .odt，再检查"
            case .converterFailed(let reason): return "无法用 LibreOffice 转换：\(reason)"
            case .notWordDocument:
                return "文件内容不是 Word 或 WPS 文档（既不是 .docx，也不是 .doc、.wps 格式），无法读取：请用 Word 或 WPS 打开后"
                    + "另存为 .docx 或 .odt，再检查"
            case .noLibreOffice:
                return "读取 Word、WPS 文档（.docx、.doc、.wps）需要 LibreOffice，本机没有安装：请运行 bash scripts/setup.sh 安装，"
                    + "或请交回人另存为 .odt 后再检查"
            }
        }
    }

    /// Reads `url`: a package when it starts like a ZIP archive, Flat XML otherwise. Only a regular file is
    /// read (not a folder, a FIFO or a device such as /dev/zero), and only up to `fileLimit`.
    public static func read(_ url: URL) throws(ReadError) -> ODFParts {
        let file = url.lastPathComponent
        let data: Data
        do { data = try RegularFile.read(url, limit: fileLimit) } catch { throw ReadError(file: file, .file(error)) }
        return try read(data, file: file)
    }

    /// Reads a document held in memory; `file` names it in messages.
    public static func read(_ data: Data, file: String) throws(ReadError) -> ODFParts {
        guard !data.isEmpty else { throw ReadError(file: file, message: "文件是空的") }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try package(data, file: file) }
        guard data.count <= partLimit else { throw ReadError(file: file, message: "文件大于 \(partLimit >> 20) MiB，拒绝读取") }
        return ODFParts(parts: [(file, Array(data))], isPackage: false, packagingIssues: [])
    }

    private static func package(_ data: Data, file: String) throws(ReadError) -> ODFParts {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw ReadError(file: file, message: "不是可读的 ZIP 包（文件不完整或已损坏），请重新保存或重新发送")
        }
        var issues: [String] = []
        let entries = Array(archive)
        if let first = entries.first {
            if first.path != "mimetype" { issues.append("mimetype is not the first file of the package") }
            else if first.isCompressed { issues.append("mimetype is compressed; ODF wants it stored") }
        } else {
            throw ReadError(file: file, message: "压缩包是空的，不是 ODF 文档")
        }
        var parts: [(String, [UInt8])] = []
        for name in ["mimetype", "META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml", "settings.xml"] {
            guard let entry = archive[name] else { continue }
            parts.append((name, try extract(entry, from: archive, file: file)))
            if name == "META-INF/manifest.xml", isEncrypted(manifest: parts[parts.count - 1].1) {
                throw ReadError(file: file, .passwordProtected)
            }
        }
        guard parts.contains(where: { $0.0 == "content.xml" }) else {
            throw ReadError(file: file, message: "压缩包中没有 content.xml，不是 ODF 文档；请另存为 .odt 或 .docx")
        }
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
    static func extract(_ entry: Entry, from archive: Archive, file: String) throws(ReadError) -> [UInt8] {
        guard entry.uncompressedSize <= UInt64(partLimit) else {
            let size = entry.uncompressedSize
            throw ReadError(file: file, message: "「\(entry.path)」解压后有 \(size) 字节，超过 \(partLimit >> 20) MiB 的限制，拒绝解压")
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
            throw ReadError(file: file, message: "无法解压「\(entry.path)」：已损坏或超过 \(partLimit >> 20) MiB 的限制")
        }
        guard CRC32.checksum(bytes) == entry.checksum else {
            throw ReadError(file: file, message: "无法解压「\(entry.path)」：已损坏（校验和不符）")
        }
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
            guard name.hasSuffix(".xml") || name.hasSuffix(".fodt"), let document = try? XMLDocument(bytes: bytes, source: name),
                  let root = document.root else { return (name, bytes) }
            VendorExtensions.strip(root)
            return (name, document.serialized())
        }
        return copy
    }
}
