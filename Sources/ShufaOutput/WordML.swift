import ShufaXML

/// Names of WordprocessingML (the XML of .docx) that shufa reads and writes.
package enum WordML {
    /// The main namespace, prefix `w`.
    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    /// Package relationships (`.rels` parts).
    static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    /// The package's content types (`[Content_Types].xml`).
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"

    /// A new element `w:name` near `node` (same document), with `w:val` when given.
    static func element(_ name: String, near node: XMLNode, value: String? = nil) -> XMLNode {
        let element = node.makeElement(name, namespace: main, prefix: "w")
        if let value { element.setAttribute("val", namespace: main, prefix: "w", value: value) }
        return element
    }

    /// The `w:val` of an element.
    static func value(_ element: XMLNode) -> String? { element.attribute(main, "val") }

    /// The character style of a run (`w:rPr/w:rStyle/@w:val`).
    static func runStyle(_ run: XMLNode) -> String? {
        run.child(main, "rPr")?.child(main, "rStyle").flatMap(value)
    }
}

extension WordML {
    /// Parses a part of a .docx.
    static func parse(_ bytes: [UInt8], part: String) throws(WordError) -> XMLDocument {
        do { return try XMLDocument(bytes: bytes, source: part) } catch { throw .malformedPart(part, error) }
    }

    /// Adds a relationship to a `.rels` part.
    static func addRelationship(
        to package: inout WordPackage, part: String, id: String, type: String,
        target: String
    ) throws(WordError) {
        guard let bytes = package.part(part) else { throw .missingPart(part) }
        let document = try parse(bytes, part: part)
        guard let root = document.root else { throw .emptyPart(part) }
        let relationship = root.makeElement("Relationship", namespace: relationships, prefix: "r")
        for (name, value) in [("Id", id), ("Type", type), ("Target", target)] {
            relationship.setAttribute(name, value: value)
        }
        root.append(relationship)
        package.set(part, document.serialized())
    }

    /// Declares the content types of new parts in `[Content_Types].xml`.
    static func addContentTypes(to package: inout WordPackage, _ parts: [(name: String, type: String)])
        throws(WordError)
    {
        let part = "[Content_Types].xml"
        guard let bytes = package.part(part) else { throw .missingPart(part) }
        let document = try parse(bytes, part: part)
        guard let root = document.root else { throw .emptyPart(part) }
        for (name, type) in parts {
            let override = root.makeElement("Override", namespace: contentTypes, prefix: "ct")
            override.setAttribute("PartName", value: name)
            override.setAttribute("ContentType", value: type)
            root.append(override)
        }
        package.set(part, document.serialized())
    }
}
