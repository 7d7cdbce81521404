import Foundation
import ShufaODF
import ShufaXML

/// A template as a clerk may have saved it: Flat ODF (`.fodt`), an ODF package (`.odt`, LibreOffice's
/// default when saving), or a Word/WPS file, which cannot be a template and is refused with what to do.
/// A package is turned into the Flat ODF document it stands for, so both compile alike.
enum PackageTemplate {
    /// File name extensions of word processors' own formats.
    static let wordExtensions: Set<String> = ["docx", "doc", "dotx", "dot", "wps", "wpt", "rtf"]

    /// The Flat ODF bytes of the template in `data` (`file` names it in errors).
    static func flatBytes(_ data: Data, file: String) throws(TemplateErrors) -> [UInt8] {
        let ext = (file as NSString).pathExtension.lowercased()
        let ole = data.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
        if wordExtensions.contains(ext) || ole { throw error(file, .wordTemplate(ext.isEmpty ? "doc" : ext)) }
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return Array(data) }
        let parts: ODFParts
        do { parts = try ODFParts.read(data, file: file) } catch { throw Self.error(file, .unreadable(error.message)) }
        guard parts.part("word/document.xml") == nil, let content = parts.part("content.xml") else {
            throw error(file, .wordTemplate(ext))
        }
        do {
            return try flatten(content: content, styles: parts.part("styles.xml"), meta: parts.part("meta.xml"))
        } catch {
            throw Self.error(file, .unreadable(error.description))
        }
    }

    /// One `office:document` from a package's parts: meta, font faces (both parts'), styles, automatic
    /// styles (both parts'; a name defined in styles.xml is kept from there), master pages and body.
    static func flatten(content: [UInt8], styles: [UInt8]?, meta: [UInt8]?) throws(XMLParseError) -> [UInt8] {
        let contentRoot = try XMLDocument(bytes: content, source: "content.xml").root
        let stylesRoot = try styles.map { (bytes) throws(XMLParseError) in
            try XMLDocument(bytes: bytes, source: "styles.xml")
        }?.root
        let metaRoot = try meta.map { (bytes) throws(XMLParseError) in try XMLDocument(bytes: bytes, source: "meta.xml")
        }?.root
        let roots = [contentRoot, stylesRoot, metaRoot].compactMap { $0 }
        guard let contentRoot else { return [] }
        let office = contentRoot.prefix ?? "office"
        var declarations: [(prefix: String?, uri: String)] = []
        for root in roots {
            for declaration in root.namespaceDeclarations
            where !declarations.contains(where: { $0.prefix == declaration.prefix }) {
                declarations.append(declaration)
            }
        }
        var out = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(office):document".utf8)
        for declaration in declarations {
            out += Array((declaration.prefix.map { " xmlns:\($0)=\"" } ?? " xmlns=\"").utf8)
            XMLEscaping.append(Substring(declaration.uri).utf8, to: &out, quote: true)
            out += Array("\"".utf8)
        }
        out += Array(" \(office):version=\"1.3\" \(office):mimetype=\"\(ODFPackageBuilder.textMediaType)\">".utf8)
        let writer = XMLWriter()
        let part = { (root: XMLNode?, name: String) in root?.child(Namespace.office, name) }
        for (root, name) in [(metaRoot, "meta"), (stylesRoot, "font-face-decls"), (stylesRoot, "styles"),
                             (stylesRoot, "automatic-styles"), (stylesRoot, "master-styles"), (contentRoot, "body")] {
            let mergedNames = ["font-face-decls", "automatic-styles"]
            let first = part(root, name), second = mergedNames.contains(name) ? part(contentRoot, name) : nil
            guard let element = first ?? second else { continue }
            writer.write(element, to: &out, children: mergedNames.contains(name) ? merged(first, second) : nil)
        }
        out += Array("</\(office):document>\n".utf8)
        return out
    }

    /// The children of two elements of the same kind, those of `second` whose name (and family) the
    /// first already defines left out.
    private static func merged(_ first: XMLNode?, _ second: XMLNode?) -> [XMLNode] {
        let key = { (node: XMLNode) in
            let family = node.attribute(Namespace.style, "family") ?? "", name = node.attribute(Namespace.style, "name")
            return "\(node.name)/\(family)/\(name ?? "")"
        }
        let own = first?.elements ?? []
        let names = Set(own.map(key))
        return own + (second?.elements ?? []).filter { !names.contains(key($0)) }
    }

    private static func error(_ file: String, _ problem: TemplateError.Problem) -> TemplateErrors {
        TemplateErrors(errors: [TemplateError(location: TemplateLocation(file: file), problem: problem)])
    }
}
