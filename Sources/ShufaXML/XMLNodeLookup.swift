import CLibXML2

extension XMLNode {
    /// The value of an attribute in no namespace (`r="C5"` in OOXML), or nil. Reads libxml2's attribute list
    /// directly, without building every attribute as `attributes` does.
    public func attribute(unqualified name: String) -> String? {
        guard let raw = xmlGetNoNsProp(pointer, name) else { return nil }
        defer { shufa_xml_free(raw) }
        return String(cString: raw)
    }

    /// Calls `body` with each child element whose local name is `name`, in order, without building arrays.
    public func forEachElement<E: Error>(named name: String, _ body: (XMLNode) throws(E) -> Void) throws(E) {
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, xmlStrEqual(current.pointee.name, name) != 0 {
                try body(XMLNode(current, owner: owner))
            }
            child = current.pointee.next
        }
    }
}
