import ShufaXML

/// Writes XML subtrees back to bytes, with attribute changes and extra content for chosen elements.
package struct XMLWriter {
    /// Attributes to set (qualified name, value) on an element, replacing any of the same name.
    package var changes: [XMLNode: [(name: String, value: String)]] = [:]
    /// Raw XML written as the first content of an element.
    package var prepend: [XMLNode: [UInt8]] = [:]
    /// Raw XML written as the last content of an element.
    package var append: [XMLNode: [UInt8]] = [:]

    package init() {}

    /// Writes `node` and its subtree (or, when given, `children` in place of its own).
    package func write(_ node: XMLNode, to out: inout [UInt8], children: [XMLNode]? = nil) {
        if node.isText {
            XMLEscaping.append(Substring(node.content).utf8, to: &out)
            return
        }
        guard node.isElement else { return }
        out += Array(("<" + node.qualifiedName).utf8)
        for declaration in node.namespaceDeclarations {
            out += Array((declaration.prefix.map { " xmlns:\($0)=\"" } ?? " xmlns=\"").utf8)
            XMLEscaping.append(Substring(declaration.uri).utf8, to: &out, quote: true)
            out.append(UInt8(ascii: "\""))
        }
        writeAttributes(of: node, to: &out)
        let content = children ?? node.children
        let before = prepend[node] ?? [], after = append[node] ?? []
        if content.isEmpty && before.isEmpty && after.isEmpty {
            out += Array("/>".utf8)
            return
        }
        out.append(UInt8(ascii: ">"))
        out += before
        for child in content { write(child, to: &out) }
        out += after
        out += Array("</\(node.qualifiedName)>".utf8)
    }

    private func writeAttributes(of node: XMLNode, to out: inout [UInt8]) {
        var pairs = node.attributes.map { (name: $0.qualifiedName, value: $0.value) }
        for change in changes[node] ?? [] {
            if let index = pairs.firstIndex(where: { $0.name == change.name }) {
                pairs[index].value = change.value
            } else {
                pairs.append(change)
            }
        }
        for pair in pairs {
            out += Array(" \(pair.name)=\"".utf8)
            XMLEscaping.append(Substring(pair.value).utf8, to: &out, quote: true)
            out.append(UInt8(ascii: "\""))
        }
    }
}
