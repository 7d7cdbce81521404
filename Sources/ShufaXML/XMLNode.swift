import CLibXML2

/// A view of a libxml2 node that keeps its document alive.
public struct XMLNode: Hashable, @unchecked Sendable {
    public let pointer: xmlNodePtr
    /// The document owning the node, retained so the node outlives any other reference to it.
    let owner: XMLDocument?

    init(_ pointer: xmlNodePtr, owner: XMLDocument?) {
        self.pointer = pointer
        self.owner = owner
    }

    private func node(_ pointer: xmlNodePtr) -> XMLNode { XMLNode(pointer, owner: owner) }

    public static func == (a: XMLNode, b: XMLNode) -> Bool { a.pointer == b.pointer }
    public func hash(into hasher: inout Hasher) { hasher.combine(pointer) }

    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    public var isText: Bool { pointer.pointee.type == XML_TEXT_NODE }

    /// The local name (without prefix).
    public var name: String { String(cString: pointer.pointee.name) }
    /// The namespace URI, or nil.
    public var namespace: String? { pointer.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) } }
    /// The prefix as written, or nil.
    public var prefix: String? { pointer.pointee.ns.flatMap { $0.pointee.prefix }.map { String(cString: $0) } }
    /// `prefix:name`, as written.
    public var qualifiedName: String { prefix.map { "\($0):\(name)" } ?? name }
    /// 1-based line in the source, when known.
    public var line: Int { Int(xmlGetLineNo(pointer)) }

    /// True when this is the element `name` in namespace `namespace`.
    public func `is`(_ namespace: String, _ name: String) -> Bool {
        isElement && self.name == name && self.namespace == namespace
    }

    public var parent: XMLNode? {
        pointer.pointee.parent.flatMap { $0.pointee.type == XML_ELEMENT_NODE ? node($0) : nil }
    }
    public var firstChild: XMLNode? { pointer.pointee.children.map(node) }
    public var next: XMLNode? { pointer.pointee.next.map(node) }
    public var previous: XMLNode? { pointer.pointee.prev.map(node) }

    /// Direct children, in order.
    public var children: [XMLNode] {
        var result: [XMLNode] = []
        var node = firstChild
        while let current = node { result.append(current); node = current.next }
        return result
    }

    /// Direct child elements, in order.
    public var elements: [XMLNode] { children.filter(\.isElement) }

    /// The first child element with this name.
    public func child(_ namespace: String, _ name: String) -> XMLNode? {
        elements.first { $0.is(namespace, name) }
    }

    /// All descendants (not self), depth first, in document order.
    public func descendants() -> [XMLNode] {
        var result: [XMLNode] = []
        func walk(_ node: XMLNode) {
            for child in node.children { result.append(child); walk(child) }
        }
        walk(self)
        return result
    }

    /// Ancestors from the parent up to the root element.
    public var ancestors: [XMLNode] {
        var result: [XMLNode] = []
        var node = parent
        while let current = node { result.append(current); node = current.parent }
        return result
    }

    /// Text content of a text node, or the concatenated text of an element.
    public var content: String {
        get {
            guard let raw = xmlNodeGetContent(pointer) else { return "" }
            defer { shufa_xml_free(raw) }
            return String(cString: raw)
        }
        nonmutating set { xmlNodeSetContent(pointer, newValue) }
    }

    /// Attribute value by namespace and local name.
    public func attribute(_ namespace: String, _ name: String) -> String? {
        guard let raw = xmlGetNsProp(pointer, name, namespace) else { return nil }
        defer { shufa_xml_free(raw) }
        return String(cString: raw)
    }

    /// Attributes as (namespace, prefix, name, value), in document order.
    public var attributes: [XMLAttribute] {
        var result: [XMLAttribute] = []
        var attr = pointer.pointee.properties
        while let current = attr {
            let value: String = {
                guard
                    let raw = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))
                else { return "" }
                defer { shufa_xml_free(raw) }
                return String(cString: raw)
            }()
            let ns = current.pointee.ns
            result.append(XMLAttribute(
                namespace: ns.flatMap { $0.pointee.href }.map { String(cString: $0) },
                prefix: ns.flatMap { $0.pointee.prefix }.map { String(cString: $0) },
                name: String(cString: current.pointee.name), value: value, pointer: current))
            attr = current.pointee.next
        }
        return result
    }

    /// Namespace declarations made on this element, as (prefix, uri).
    public var namespaceDeclarations: [(prefix: String?, uri: String)] {
        var result: [(String?, String)] = []
        var ns = pointer.pointee.nsDef
        while let current = ns {
            result.append((current.pointee.prefix.map { String(cString: $0) }, String(cString: current.pointee.href)))
            ns = current.pointee.next
        }
        return result
    }

    // MARK: Editing

    /// Detaches and frees this node and its subtree.
    public func remove() {
        xmlUnlinkNode(pointer)
        xmlFreeNode(pointer)
    }

    /// Detaches this node (it stays alive, owned by the document).
    public func unlink() { xmlUnlinkNode(pointer) }

    /// Inserts `node` (detached first) right before this one. Unlike libxml2's own calls,
    /// never merges adjacent text nodes, so every `XMLNode` held stays valid.
    public func insertBefore(_ node: XMLNode) {
        node.unlink()
        let me = pointer, new = node.pointer
        new.pointee.parent = me.pointee.parent
        new.pointee.doc = me.pointee.doc
        new.pointee.prev = me.pointee.prev
        new.pointee.next = me
        if let prev = me.pointee.prev { prev.pointee.next = new } else { me.pointee.parent?.pointee.children = new }
        me.pointee.prev = new
    }

    /// Inserts `node` (detached first) right after this one, without merging text nodes.
    public func insertAfter(_ node: XMLNode) {
        if let next { next.insertBefore(node); return }
        guard let parent = parent else { return }
        parent.append(node)
    }

    /// Appends `node` (detached first) as the last child, without merging text nodes.
    public func append(_ node: XMLNode) {
        node.unlink()
        let me = pointer, new = node.pointer
        new.pointee.parent = me
        new.pointee.doc = me.pointee.doc
        new.pointee.next = nil
        new.pointee.prev = me.pointee.last
        if let last = me.pointee.last { last.pointee.next = new } else { me.pointee.children = new }
        me.pointee.last = new
    }

    /// A new text node in this node's document.
    public func makeText(_ text: String) -> XMLNode { node(xmlNewDocText(pointer.pointee.doc, text)) }

    /// A new element in this node's document, in a namespace declared on the root with `prefix`.
    public func makeElement(_ name: String, namespace: String, prefix: String) -> XMLNode {
        let element = xmlNewDocNode(pointer.pointee.doc, nil, name, nil)!
        let root = xmlDocGetRootElement(pointer.pointee.doc)!
        let ns = xmlSearchNsByHref(pointer.pointee.doc, root, namespace) ?? xmlNewNs(root, namespace, prefix)
        xmlSetNs(element, ns)
        return node(element)
    }

    /// A shallow copy (element and attributes, no children).
    public func shallowCopy() -> XMLNode { node(xmlDocCopyNode(pointer, pointer.pointee.doc, 2)) }

    /// Removes an attribute.
    public func removeAttribute(_ attribute: XMLAttribute) { xmlRemoveProp(attribute.pointer) }

    /// Sets the attribute `name` in `namespace` to `value`; the namespace is the one declared on the element,
    /// its ancestors or the root (for an element not yet inserted), else declared on the root with `prefix`.
    public func setAttribute(_ name: String, namespace: String, prefix: String, value: String) {
        let root = xmlDocGetRootElement(pointer.pointee.doc)!
        let ns = xmlSearchNsByHref(pointer.pointee.doc, pointer, namespace)
            ?? xmlSearchNsByHref(pointer.pointee.doc, root, namespace) ?? xmlNewNs(root, namespace, prefix)
        xmlSetNsProp(pointer, ns, name, value)
    }

    /// Sets the attribute `name`, in no namespace, to `value`.
    public func setAttribute(_ name: String, value: String) { xmlSetProp(pointer, name, value) }
}
