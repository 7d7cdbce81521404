import ShufaXML

extension XMLNode {
    /// Child elements with local name `name`, whatever their namespace (OOXML has two sets of namespaces).
    func elements(named name: String) -> [XMLNode] {
        var result: [XMLNode] = []
        forEachElement(named: name) { result.append($0) }
        return result
    }

    /// The first child element with local name `name`.
    func element(named name: String) -> XMLNode? {
        var found: XMLNode?
        forEachElement(named: name) { if found == nil { found = $0 } }
        return found
    }

    /// An attribute by local name in any namespace (`r:id`, whichever prefix and namespace the file uses).
    func attribute(anyNamespace name: String) -> String? {
        attributes.first { $0.name == name && $0.namespace != nil }?.value
    }
}
