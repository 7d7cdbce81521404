import ShufaXML

/// Decides what each section repeats, from where its two markers stand (templates/README.md,
/// "What a section repeats"), and wraps that in a section element of the compiling tree.
struct SectionPlacement {
    /// A marker element in the tree, the paragraph it stands in, and where that is for messages.
    struct Placed {
        var element: XMLNode
        var marker: Marker
        var paragraph: XMLNode
        var location: TemplateLocation
    }

    /// Elements that carry no content of their own: a paragraph holding only these and one marker
    /// is a control paragraph, removed when the section is placed.
    private static let inert: Set<String> = [
        "span", "bookmark", "bookmark-start", "bookmark-end", "soft-page-break", "change", "change-start",
        "change-end", "reference-mark", "reference-mark-start", "reference-mark-end", "s", "tab",
    ]
    /// Elements a section may repeat when its markers stand inside them (rules 4 and 5).
    private static let rowLike: Set<String> = ["table-row", "list-item"]

    /// Wraps the content of the section opened by `open` and closed by `close` into `wrapper`.
    static func place(open: Placed, close: Placed, wrapper: XMLNode) throws(TemplateError.Problem) {
        if open.paragraph == close.paragraph {
            placeInParagraph(open: open, close: close, wrapper: wrapper)
            return
        }
        let lca = lowestCommonAncestor(open.paragraph, close.paragraph)
        if lca.is(Namespace.table, "table-row") {
            open.element.remove()
            close.element.remove()
            lca.insertBefore(wrapper)
            wrapper.append(lca)
            return
        }
        let first = childOf(lca, containing: open.paragraph)
        let last = childOf(lca, containing: close.paragraph)
        let openAlone = try controlParagraph(open, item: first)
        let closeAlone = try controlParagraph(close, item: last)
        var unit: [XMLNode] = []
        var node: XMLNode? = openAlone ? first.next : first
        let end: XMLNode? = closeAlone ? last : last.next
        while let current = node, current != end { unit.append(current); node = current.next }
        (openAlone ? first : unit.first ?? last).insertBefore(wrapper)
        for item in unit { wrapper.append(item) }
        if openAlone { first.remove() } else { open.element.remove() }
        if closeAlone { last.remove() } else { close.element.remove() }
    }

    /// True when the marker's paragraph is a direct child of the section's level and holds nothing
    /// but the marker (it is then removed); false when the marker stands inside a table row or list
    /// item (only the marker is removed). Any other placement is an error.
    private static func controlParagraph(_ placed: Placed, item: XMLNode) throws(TemplateError.Problem) -> Bool {
        if item == placed.paragraph {
            guard onlyMarker(placed.element, in: placed.paragraph) else {
                throw .markerMustStandAlone(placed.marker.written)
            }
            return true
        }
        guard item.namespace.map({ $0 == Namespace.table || $0 == Namespace.text }) == true, rowLike.contains(item.name)
        else {
            throw .sectionAcrossParts(placed.marker.written)
        }
        return false
    }

    /// Rules 1 and 2: the whole paragraph when the section is all of it, else the inline content between.
    private static func placeInParagraph(open: Placed, close: Placed, wrapper: XMLNode) {
        let leaves = leafOrder(open.paragraph)
        let openIndex = leaves.firstIndex(of: open.element)!
        let closeIndex = leaves.firstIndex(of: close.element)!
        let outside = leaves[..<openIndex] + leaves[(closeIndex + 1)...]
        if outside.allSatisfy(isInert) {
            open.element.remove()
            close.element.remove()
            open.paragraph.insertBefore(wrapper)
            wrapper.append(open.paragraph)
            return
        }
        let lca = lowestCommonAncestor(open.element, close.element)
        hoist(open.element, to: lca)
        hoist(close.element, to: lca)
        var node = open.element.next
        open.element.insertBefore(wrapper)
        while let current = node, current != close.element {
            node = current.next
            wrapper.append(current)
        }
        open.element.remove()
        close.element.remove()
    }

    /// True when `paragraph` holds nothing but inert elements, white space and `marker`.
    static func onlyMarker(_ marker: XMLNode, in paragraph: XMLNode) -> Bool {
        leafOrder(paragraph).allSatisfy { $0 == marker || isInert($0) }
    }

    /// The leaves of a paragraph in document order (text nodes and elements without children),
    /// where a marker or section element counts as one leaf.
    private static func leafOrder(_ node: XMLNode) -> [XMLNode] {
        var result: [XMLNode] = []
        func walk(_ current: XMLNode) {
            for child in current.children {
                if child.namespace == ParagraphMarkers.namespace || child.firstChild == nil || !child.isElement {
                    result.append(child)
                } else {
                    if !isInert(child) { result.append(child) }
                    walk(child)
                }
            }
        }
        walk(node)
        return result
    }

    private static func isInert(_ node: XMLNode) -> Bool {
        if node.isText { return node.content.allSatisfy(\.isWhitespace) }
        guard node.isElement else { return true }
        if node.namespace == ParagraphMarkers.namespace { return false }
        return node.namespace == Namespace.text && inert.contains(node.name)
    }

    /// Moves `node` up to be a child of `ancestor`, splitting the inline elements between them so
    /// the content before it stays before it and the content after stays after.
    private static func hoist(_ node: XMLNode, to ancestor: XMLNode) {
        while let parent = node.parent, parent != ancestor {
            let before = parent.children.prefix { $0 != node }
            if !before.isEmpty {
                let copy = parent.shallowCopy()
                parent.insertBefore(copy)
                for child in before { copy.append(child) }
            }
            parent.insertBefore(node)
            if parent.firstChild == nil { parent.remove() }
        }
    }

    static func lowestCommonAncestor(_ a: XMLNode, _ b: XMLNode) -> XMLNode {
        let chain = Set([a] + a.ancestors)
        return ([b] + b.ancestors).first { chain.contains($0) && $0 != a && $0 != b } ?? b.ancestors.last!
    }

    private static func childOf(_ ancestor: XMLNode, containing node: XMLNode) -> XMLNode {
        ([node] + node.ancestors).first { $0.parent == ancestor }!
    }
}
