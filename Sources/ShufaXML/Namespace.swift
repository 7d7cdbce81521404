/// Well-known namespace URIs.
public enum Namespace {
    public static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    public static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    public static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    public static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    public static let meta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
    public static let dc = "http://purl.org/dc/elements/1.1/"
    public static let xml = "http://www.w3.org/XML/1998/namespace"
    public static let manifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

    /// Every namespace the OASIS ODF 1.3 schema defines elements or attributes in (plus xml:).
    /// Anything else (LibreOffice's loext:, officeooo:, …) is a vendor extension.
    public static let odf: Set<String> = [
        "urn:oasis:names:tc:opendocument:xmlns:animation:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:chart:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:config:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:database:1.0",
        "http://purl.org/dc/elements/1.1/",
        "urn:oasis:names:tc:opendocument:xmlns:dr3d:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:form:1.0",
        "http://www.w3.org/2003/g/data-view#",
        "http://www.w3.org/1998/Math/MathML",
        "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:script:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:smil-compatible:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
        "http://www.w3.org/2002/xforms",
        "http://www.w3.org/1999/xhtml",
        "http://www.w3.org/1999/xlink",
        "http://www.w3.org/XML/1998/namespace",
        "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
    ]
}
