import ShufaXML

/// The style names of a document that mark a prompt: styles named or displayed `Prompt`/提示, and the
/// automatic styles derived from them (LibreOffice writes `P3` with parent `Prompt`).
package struct PromptStyles {
    private(set) var names: Set<String> = []

    /// The names (or display names) a prompt style has.
    package static let styleNames: Set<String> = ["Prompt", "提示"]

    /// Reads the style definitions of every given part (content, and styles.xml of a package).
    package init(_ documents: [XMLDocument]) {
        var parents: [String: String] = [:]
        for root in documents.compactMap(\.root) {
            for container in ["styles", "automatic-styles"] {
                guard let styles = root.child(Namespace.office, container) else { continue }
                for style in styles.elements where style.is(Namespace.style, "style") {
                    guard let name = style.attribute(Namespace.style, "name") else { continue }
                    let display = style.attribute(Namespace.style, "display-name")
                    if Self.styleNames.contains(name) || display.map(Self.styleNames.contains) == true {
                        names.insert(name)
                    }
                    if let parent = style.attribute(Namespace.style, "parent-style-name") { parents[name] = parent }
                }
            }
        }
        var grew = true
        while grew {
            let derived = parents.filter { names.contains($0.value) && !names.contains($0.key) }.map(\.key)
            names.formUnion(derived)
            grew = !derived.isEmpty
        }
    }

    /// True when an element's own style (`text:style-name`) is a prompt style.
    package func marks(_ element: XMLNode) -> Bool {
        element.attribute(Namespace.text, "style-name").map(names.contains) ?? false
    }
}
