import Foundation
import ShufaCatalog
import ShufaRoster
import ShufaTemplate

/// Why nothing could be built.
public enum BuildError: Error, Sendable, CustomStringConvertible {
    case catalog(CatalogError)
    case templates(TemplateErrors)
    case roster(RosterError)

    public var description: String {
        switch self {
        case .catalog(let error): return "模板目录 \(error)；改正后再运行，未写出任何文件"
        case .templates(let errors): return "templates have errors; nothing was written:\n" + errors.errors.map { "  \($0)" }.joined(separator: "\n")
        case .roster(let error): return "roster: \(error)"
        }
    }
}
