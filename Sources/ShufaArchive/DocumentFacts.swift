import Foundation
import ShufaKit

/// What the archive reads from an ODF document: the properties shufa wrote (编号, 姓名, 年度 …) and its
/// text, paragraphs and table cells in order.
struct DocumentFacts {
    var parts: ODFParts
    var properties: [String: String]
    var text: String

    /// Reads the document at `url` (Flat XML or package).
    static func read(_ url: URL) throws(AddProblem) -> DocumentFacts {
        do { return try DocumentFacts(parts: try ODFParts.read(url), file: url.lastPathComponent) } catch {
            throw .unreadableDocument(file: url.lastPathComponent, reason: unreadable)
        }
    }

    init(parts: ODFParts, file: String) throws(AddProblem) {
        let document: ReportDocument
        do { document = try ReportDocument(parts, prompts: nil) } catch {
            throw .unreadableDocument(file: file, reason: Self.unreadable)
        }
        self.parts = parts
        properties = document.properties
        text = document.blocks.map(\.text).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static let unreadable = "不是可读取的 ODF 文档：文件损坏、加密或格式不对"

    /// 年度, when the document says.
    var year: Int? { properties[MetaProperty.year].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    /// The leader the document is about, as its properties say (`id` when they do not give one).
    func person(year: Int, id: String) -> LeaderInfo {
        let value = { (key: String) in (properties[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        return LeaderInfo(
            year: year, id: id, name: value(MetaProperty.name), unit: value(MetaProperty.unit),
            position: value(MetaProperty.position), role: value(MetaProperty.role),
            organization: value(MetaProperty.organization))
    }
}

/// Paths a listing (summary.json, print.json) names, resolved only when they stay inside its folder.
enum ListedPath {
    enum Outcome {
        case file(URL)
        case outside
        case missing
    }

    /// The file a listing (`listing`) names at `path` inside `folder`, with its digest: refused when the path
    /// leads out of the folder, the file is missing, or its SHA-256 is not the one listed.
    static func verified(
        _ path: String, sha256: String, in folder: URL, listing: String
    ) throws(AddProblem) -> (URL, FileDigest) {
        let url: URL
        switch resolve(path, in: folder) {
        case .file(let file): url = file
        case .outside: throw .unsafePath(listing: listing, path: path)
        case .missing: throw .missingFile(listing: listing, path: path)
        }
        let digest: FileDigest
        do throws(FileFailure) { digest = try FileDigest.of(url) } catch { throw .unreadable(error) }
        guard digest.sha256 == sha256 else { throw .changedSinceListed(listing: listing, path: path) }
        return (url, digest)
    }

    /// The regular file at `path` inside `folder`: relative, no `..`, and (links resolved) still inside.
    static func resolve(_ path: String, in folder: URL) -> Outcome {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0"), !path.contains("\\"),
            !components.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty })
        else { return .outside }
        let url = folder.appendingPathComponent(path)
        guard let real = realPath(url) else { return .missing }
        guard let base = realPath(folder), real.hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
            return .outside
        }
        var info = stat()
        guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .missing }
        return .file(URL(fileURLWithPath: real))
    }

    private static func realPath(_ url: URL) -> String? {
        guard let resolved = realpath(url.path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
