import Foundation
import ShufaRoster
import ShufaSystem
import Yams

/// The text of `catalog.yaml`: read safely, checked before it is decoded, and used to find the line of an error.
enum CatalogText {
    /// The file's text: UTF-8 whose YAML is safe to decode (`YAMLGuard`).
    static func text(_ data: Data) throws(CatalogError.Problem) -> String {
        guard let text = String(data: data, encoding: .utf8) else { throw .notUTF8 }
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
