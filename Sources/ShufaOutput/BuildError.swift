import Foundation
import ShufaCatalog
import ShufaRoster
import ShufaTemplate

/// Why nothing could be built; rendered in Chinese by `OutputMessages`.
public enum BuildError: Error, Sendable, CustomStringConvertible {
    case catalog(CatalogError)
    case templates(TemplateErrors)
    case roster(RosterError)

    public var description: String { OutputMessages.text(self) }
}
