import ShufaXML

/// Removes what office programs add outside the ODF 1.3 schema (LibreOffice's `loext:`,
/// `officeooo:` rsids, …), so a template edited in LibreOffice still gives strictly valid documents.
package enum VendorExtensions {
    package static func strip(_ root: XMLNode) {
        for attribute in root.attributes where !isStandard(attribute.namespace) {
            root.removeAttribute(attribute)
        }
        for child in root.children where child.isElement {
            if isStandard(child.namespace) { strip(child) } else { child.remove() }
        }
    }

    private static func isStandard(_ namespace: String?) -> Bool {
        namespace.map(Namespace.odf.contains) ?? false
    }
}
