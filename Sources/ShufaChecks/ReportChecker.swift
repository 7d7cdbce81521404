import Foundation
import ShufaCatalog
import ShufaODF
import ShufaTemplate
import ShufaXML

/// The checks of a returned or generated 述职述法报告 (rules documented in the README): role, the report's
/// form, required parts in order, the 述法 part as one separate top-level item, its length, its coverage of
/// the role's points, leftovers, minimums and schema validity.
public struct ReportChecker: Sendable {
    public let catalog: Catalog
    public let validator: ODFValidator?
    /// The prompt texts of the catalog and templates, to recognise prompts by their words.
    public let prompts: PromptTexts

    /// - Parameter prompts: the known prompts; the catalog's alone when nil.
    public init(catalog: Catalog, validator: ODFValidator?, prompts: PromptTexts? = nil) {
        self.catalog = catalog
        self.validator = validator
        self.prompts = prompts ?? PromptTexts(catalog: catalog)
    }

    /// Checks a document already read; `role` overrides the one in its metadata.
    /// Throws when the document is not well-formed XML at all.
    public func check(
        _ parts: ODFParts, path: String, role roleName: String? = nil
    ) throws(XMLParseError) -> CheckedDocument {
        let parsed = ParsedODF(parts)
        let document = try ReportDocument(parsed, prompts: prompts)
        let strict = document.generator == DocumentMeta.generator
        return check(document, schema: schemaFindings(parsed, strict: strict), path: path, role: roleName)
    }

    /// The findings of every rule on a document already read, with its schema findings.
    func check(_ document: ReportDocument, schema: [Finding], path: String, role roleName: String? = nil)
        -> CheckedDocument
    {
        var findings = schema
        let name = roleName ?? document.properties[MetaProperty.role]
        let role = name.flatMap(catalog.role(named:))
        if role == nil { findings.append(roleFinding(name)) }
        let outline = ReportOutline(document)
        let rules = ReportRules(document: document, outline: outline, shape: ReportShape(document, outline: outline),
                                role: role, catalog: catalog)
        findings += rules.all()
        return CheckedDocument(path: path, role: role?.name, form: rules.shape.form, lawPart: rules.shape.lawPlacement,
                               findings: findings.sorted { $0.severity < $1.severity })
    }

    private func roleFinding(_ name: String?) -> Finding {
        let known = catalog.roles.map(\.name)
        return Finding(.role, .error, name.map { .unknownRole($0, known: known) } ?? .noRole(known: known), at: "文档属性")
    }

    /// Schema validity alone (rule `schema`): `strict` for documents shufa wrote; for documents saved by
    /// office programs, their vendor extensions are info.
    public func schemaFindings(_ parts: ODFParts, strict: Bool) -> [Finding] {
        schemaFindings(ParsedODF(parts), strict: strict)
    }

    func schemaFindings(_ parsed: ParsedODF, strict: Bool) -> [Finding] {
        guard let validator else { return [] }
        let issues = validator.validate(parsed)
        guard !issues.isEmpty else { return [] }
        let remaining = strict ? issues : validator.validate(parsed.parts.withoutVendorExtensions())
        var findings = remaining.prefix(10).map {
            Finding(.schema, .error, .schema($0.message), at: "\($0.part) 第\($0.line)行")
        }
        if remaining.count > 10 {
            findings.append(Finding(.schema, .error, .moreSchemaIssues(remaining.count - 10), at: remaining[10].part))
        }
        if !strict && remaining.count < issues.count {
            let vendor = issues.count - remaining.count
            findings.append(Finding(.schema, .info, .vendorExtensions(vendor), at: issues[0].part))
        }
        return findings
    }
}
