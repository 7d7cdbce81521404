import Crypto
import Foundation
import ShufaCatalog
import ShufaODF
import ShufaSystem
import ShufaXML

/// A document of a built batch as `shufa print` reads it: never trusted. Its path in `summary.json` must be
/// `<kind>/<name>.fodt|.odt|.docx` inside the batch's folder (no `..`, no absolute path, no symbolic link); the
/// file must be a regular file whose SHA-256 is the one the build recorded, and an ODF text document.
public enum BuiltDocument {
    /// Why a listed document is not printed; rendered in Chinese by `OutputMessages`.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The file cannot be read (missing, not a regular file, a link, too large).
        case file(RegularFile.Problem)
        /// The path is not `<kind>/<name>.fodt|.odt|.docx`: it could lead out of the batch's folder.
        case unsafePath
        /// The bytes are not those the build wrote (edited, replaced, truncated).
        case changed
        /// Not an ODF document at all (empty, other bytes).
        case notODF(ODFParts.ReadError)
        /// An ODF package of another type (its mimetype, nil when it has none).
        case otherMimetype(String?)
        /// Flat XML that does not parse.
        case malformed(XMLParseError)
        /// Flat XML without a text body (`office:document` with `office:body/office:text`).
        case noTextBody

        public var description: String { OutputMessages.text(self) }
    }

    /// The extensions a built document has: ODF text and its Word copy (.docx: listed, never printed), or for
    /// the tally's entry workbook spreadsheets.
    static func extensions(of kind: DocumentKind) -> Set<String> {
        kind == .tally ? ["xlsx", "ods", "fodt"] : ["fodt", "odt", "docx"]
    }

    /// True when `path` is a path shufa writes for a document of `kind`: `<kind>/<name>.<extension>` in a
    /// build's folder, or `<name>.<extension>` at the top of a tally's folder (its 汇总表 and 考核结果汇总);
    /// the name neither hidden nor `..`, nothing else.
    static func isSafe(_ path: String, kind: DocumentKind) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let placed = parts.count == 2 ? parts[0] == kind.rawValue : parts.count == 1 && kind == .tally
        guard placed, let name = parts.last, !name.hasPrefix("."),
            let dot = name.lastIndex(of: "."), name.index(after: dot) < name.endIndex
        else { return false }
        return extensions(of: kind).contains(String(name[name.index(after: dot)...])) && !name.contains("\0")
    }

    /// The bytes of `document` in the batch folder `build`, checked as described above.
    package static func read(_ document: BuildSummary.Document, in build: URL) throws(Problem) -> [UInt8] {
        try load(document, in: build).bytes
    }

    /// Checks `document` as `read` does; returns its parse tree when it is Flat XML (nil for a package).
    package static func verify(_ document: BuildSummary.Document, in build: URL) throws(Problem) -> XMLDocument? {
        try load(document, in: build).tree
    }

    private static func load(
        _ document: BuildSummary.Document, in build: URL
    ) throws(Problem) -> (bytes: [UInt8], tree: XMLDocument?) {
        guard isSafe(document.path, kind: document.kind) else { throw .unsafePath }
        let bytes = try readFile(document.path, in: build)
        guard Self.digest(bytes) == document.sha256.lowercased() else { throw .changed }
        return (bytes, try parseODFText(bytes, name: document.path))
    }

    /// Reads `kind/name` (or a top-level `name`) under `build` without following a symbolic link at any step.
    private static func readFile(_ path: String, in build: URL) throws(Problem) -> [UInt8] {
        let parts = path.split(separator: "/").map(String.init)
        let root = open(build.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { throw .file(errno == ENOENT ? .missing : .unreadable(errno)) }
        defer { close(root) }
        var folder = root
        if parts.count == 2 {
            folder = openat(root, parts[0], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard folder >= 0 else { throw .file(errno == ENOENT ? .missing : .symbolicLink) }
        }
        defer { if folder != root { close(folder) } }
        do { return Array(try RegularFile.read(parts[parts.count - 1], in: folder, limit: ODFParts.partLimit)) } catch {
            throw .file(error)
        }
    }

    /// Refuses bytes that are not an ODF text document: Flat XML whose root is `office:document` with a
    /// text body (returned parsed), or a package whose mimetype is that of a text document.
    private static func parseODFText(_ bytes: [UInt8], name: String) throws(Problem) -> XMLDocument? {
        let parts: ODFParts
        do { parts = try ODFParts.read(Data(bytes), file: name) } catch { throw .notODF(error) }
        if parts.isPackage {
            let mimetype = parts.part("mimetype").map { String(decoding: $0, as: UTF8.self) }
            guard mimetype == textMimetype else { throw .otherMimetype(mimetype) }
            return nil
        }
        let document: XMLDocument
        do { document = try XMLDocument(bytes: bytes, source: name) } catch { throw .malformed(error) }
        guard let root = document.root, root.is(Namespace.office, "document"),
            root.child(Namespace.office, "body")?.child(Namespace.office, "text") != nil
        else {
            throw .noTextBody
        }
        return document
    }

    static let textMimetype = "application/vnd.oasis.opendocument.text"

    static func digest(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
