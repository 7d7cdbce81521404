import ShufaXML

/// Finds the markers of one paragraph in its joined text (so a marker split over several
/// `text:span`s still counts) and replaces each by a single marker element in the tree.
struct ParagraphMarkers {
    /// The namespace of the marker and section elements shufa puts into a template's tree while compiling.
    static let namespace = "urn:shufa:template"

    /// A piece of the paragraph's text: a text node, or an element that stands for white space.
    private struct Run {
        var node: XMLNode
        var start: Int
        var length: Int
        var isAtom: Bool
    }

    let paragraph: XMLNode
    private var runs: [Run] = []
    /// The paragraph's text, one scalar per character position.
    private(set) var scalars: [Unicode.Scalar] = []

    init(paragraph: XMLNode) {
        self.paragraph = paragraph
        collect(paragraph)
    }

    /// The paragraph's visible text.
    var text: String { String(String.UnicodeScalarView(scalars)) }

    private mutating func collect(_ node: XMLNode) {
        for child in node.children {
            if child.isText {
                let text = Array(child.content.unicodeScalars)
                runs.append(Run(node: child, start: scalars.count, length: text.count, isAtom: false))
                scalars += text
            } else if child.isElement, child.namespace == Namespace.text {
                switch child.name {
                case "s":
                    let count = max(1, Int(child.attribute(Namespace.text, "c") ?? "1") ?? 1)
                    runs.append(Run(node: child, start: scalars.count, length: count, isAtom: true))
                    scalars += Array(repeating: " ", count: count)
                case "tab", "line-break":
                    runs.append(Run(node: child, start: scalars.count, length: 1, isAtom: true))
                    scalars.append(child.name == "tab" ? "\t" : "\n")
                case "p", "h", "note", "tracked-changes": continue
                default: collect(child)
                }
            } else if child.isElement, child.namespace == Namespace.office, child.name == "annotation" {
                continue
            } else if child.isElement, child.namespace != "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" {
                collect(child)
            }
        }
    }

    /// The `[start, end)` scalar ranges of `{{…}}` in the paragraph; throws on a `{{` never closed.
    func markerRanges() throws(TemplateError.Problem) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index + 1 < scalars.count {
            if scalars[index] == "{" && scalars[index + 1] == "{" {
                var end = index + 2
                while end + 1 < scalars.count && !(scalars[end] == "}" && scalars[end + 1] == "}") { end += 1 }
                guard end + 1 < scalars.count else { throw .unclosedMarker }
                ranges.append(index..<(end + 2))
                index = end + 2
            } else {
                index += 1
            }
        }
        return ranges
    }

    /// Replaces every marker range by a marker element holding the marker's text; returns them in order.
    func replaceMarkers(_ ranges: [Range<Int>]) -> [(element: XMLNode, inner: String)] {
        var made: [(XMLNode, String)] = []
        for range in ranges.reversed() {
            let inner = String(String.UnicodeScalarView(scalars[(range.lowerBound + 2)..<(range.upperBound - 2)]))
            let element = paragraph.makeElement("marker", namespace: Self.namespace, prefix: "shufa")
            cut(range, placing: element)
            made.append((element, inner))
        }
        return made.reversed()
    }

    /// Removes the characters of `range` from the runs it covers and puts `element` where it began.
    private func cut(_ range: Range<Int>, placing element: XMLNode) {
        var placed = false
        for run in runs where run.start < range.upperBound && run.start + run.length > range.lowerBound {
            let lower = max(range.lowerBound, run.start) - run.start
            let upper = min(range.upperBound, run.start + run.length) - run.start
            if run.isAtom {
                if !placed { run.node.insertBefore(element); placed = true }
                run.node.remove()
                continue
            }
            let current = Array(run.node.content.unicodeScalars)
            let before = String(String.UnicodeScalarView(current[0..<lower]))
            let after = String(String.UnicodeScalarView(current[min(upper, current.count)...]))
            if !placed {
                run.node.content = before
                run.node.insertAfter(element)
                if !after.isEmpty { element.insertAfter(run.node.makeText(after)) }
                placed = true
            } else {
                run.node.content = after
            }
        }
    }
}
