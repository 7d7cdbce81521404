import Foundation
import Yams

/// The text of `catalog.yaml`: read safely, checked before it is decoded, and used to find the line of an error.
enum CatalogText {
    /// The file's text: a regular file of at most `limit` bytes, UTF-8, whose YAML is safe to decode (`YAMLGuard`).
    static func read(_ url: URL, limit: Int) throws(CatalogError.Problem) -> String {
        let data: Data
        do { data = try RegularFile.read(url, limit: limit) } catch { throw .file(error) }
        guard let text = String(data: data, encoding: .utf8) else { throw .badValue("不是 UTF-8 文本") }
        do { try YAMLGuard.check(text) } catch { throw .syntax(error) }
        return text
    }

    /// `error` with the line of its path in `text`: the deepest node of the path that the file has.
    static func located(_ error: CatalogError, in text: String) -> CatalogError {
        guard error.line == nil, var node = try? Yams.compose(yaml: text) else { return error }
        var line = node.mark?.line
        for step in error.path {
            let next: Node?
            switch step {
            case .key(let key): next = node.mapping?[key]
            case .index(let index): next = node.sequence.flatMap { index < $0.count ? $0[index] : nil }
            }
            guard let next else { break }
            node = next
            line = next.mark?.line ?? line
        }
        var located = error
        located.line = line
        return located
    }
}

extension CatalogError {
    init(file: String, _ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(file: file, .missingKey(key.stringValue), path: Self.path(context))
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            self.init(file: file, .wrongKind(expected: Self.kind(type)), path: Self.path(context))
        case .dataCorrupted(let context):
            self.init(file: file, .badValue(context.debugDescription), path: Self.path(context))
        @unknown default:
            self.init(file: file, .badValue("\(error)"))
        }
    }

    init(file: String, _ fault: RosterFault) {
        self.init(file: file, .syntax(fault))
    }

    private static func path(_ context: DecodingError.Context) -> [CatalogPath] {
        context.codingPath.map { $0.intValue.map(CatalogPath.index) ?? .key($0.stringValue) }
    }

    /// The kind of value a type stands for (Yams names its node kinds), in words.
    private static func kind(_ type: Any.Type) -> String {
        let name = "\(type)"
        if name.contains("Sequence") || name.hasPrefix("Array") { return "列表（- 项）" }
        if name.contains("Mapping") || name.hasPrefix("Dictionary") { return "映射（键: 值）" }
        return "单个值（文本或数字）"
    }
}

/// Template file names in the catalog: relative paths inside the templates folder.
enum TemplatePath {
    /// True when `path` is relative and never climbs out (`..`), so it names a file inside the templates folder.
    static func isConfined(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~"), !path.contains("\\"), !path.contains("\0")
        else { return false }
        return !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0.isEmpty }
    }
}
