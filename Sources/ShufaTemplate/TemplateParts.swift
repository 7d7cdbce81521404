import ShufaXML

/// The static pieces of the template document, serialised once.
struct TemplateParts {
    var namespaceDeclarations: String
    var fontFaces: [UInt8] = []
    var styles: [UInt8] = []
    var automaticStyles: [UInt8] = []
    var masterStyles: [UInt8] = []

    init(root: XMLNode) {
        var declarations = root.namespaceDeclarations.filter { $0.prefix != nil }
        for (prefix, uri) in [
            ("office", Namespace.office), ("text", Namespace.text), ("meta", Namespace.meta), ("dc", Namespace.dc),
        ]
        where !declarations.contains(where: { $0.prefix == prefix }) {
            declarations.append((prefix, uri))
        }
        namespaceDeclarations = declarations.map { " xmlns:\($0.prefix!)=\"\($0.uri)\"" }.joined()
        for child in root.elements where child.namespace == Namespace.office {
            var writer = TreeWriter(sections: [:], values: [:], scopes: [])
            writer.write(child)
            let bytes = writer.finishLiteral()
            switch child.name {
            case "font-face-decls": fontFaces = bytes
            case "styles": styles = bytes
            case "automatic-styles": automaticStyles = bytes
            case "master-styles": masterStyles = bytes
            default: break
            }
        }
    }
}
