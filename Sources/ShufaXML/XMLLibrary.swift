import CLibXML2
import Foundation

/// One-time libxml2 set-up: no entity substitution. (Documents with a DTD are refused before parsing, so
/// no entity, internal or external, can be declared; network access is off through parse options.)
enum XMLLibrary {
    private static let once: Void = {
        xmlInitParser()
        xmlSubstituteEntitiesDefault(0)
    }()

    static func initialize() { _ = once }
}
