import ShufaXML

/// Takes out of a .docx what would make two conversions of the same document differ: the creation,
/// modification and printing dates LibreOffice can stamp into `docProps/core.xml`, the editing time in
/// `docProps/app.xml`, and revision-session ids (rsids) on paragraphs and runs and in the settings.
enum WordMetadata {
    static func apply(to package: inout WordPackage) throws(WordError) {
        for name in package.xmlPartNames {
            guard let bytes = package.part(name), stamps.contains(where: bytes.contains(subsequence:)) else { continue }
            let document = try WordML.parse(bytes, part: name)
            let elements = document.root?.descendants().filter(\.isElement) ?? []
            for element in elements {
                if element.name == "TotalTime" { replaceText(of: element, with: "0") }
                for attribute in element.attributes
                where attribute.namespace == WordML.main && attribute.name.hasPrefix("rsid") {
                    element.removeAttribute(attribute)
                }
            }
            let removed = elements.filter(Self.isStamp)
            for element in removed where !element.ancestors.contains(where: removed.contains) { element.remove() }
            package.set(name, document.serialized())
        }
    }

    /// Bytes that show a part holds something to remove.
    private static let stamps = ["dcterms:", "lastPrinted", "TotalTime", "rsid"].map { Array($0.utf8) }

    /// Dates and the settings' list of rsids: removed whole.
    private static func isStamp(_ element: XMLNode) -> Bool {
        let namespace = element.namespace ?? ""
        return (namespace == "http://purl.org/dc/terms/" && ["created", "modified"].contains(element.name))
            || element.name == "lastPrinted" || (namespace == WordML.main && element.name == "rsids")
    }

    private static func replaceText(of element: XMLNode, with text: String) {
        guard element.content != text else { return }
        for child in element.children { child.remove() }
        element.append(element.makeText(text))
    }
}
