import ShufaCatalog
import ShufaODF
import ShufaRoster
import ShufaTemplate
import ShufaText
import ShufaXML

/// Reads a returned draft or report back into the roster's shape (a one-leader roster), so that
/// `shufa extract` then `shufa build` makes a final report with the leader's own text. Every paragraph
/// the leader wrote goes to exactly one of 述职, 述法, 存在问题 and 改进措施, or is named as not placed;
/// prompts are never taken as text.
public struct ReportExtractor: Sendable {
    public let catalog: Catalog
    public let prompts: PromptTexts

    /// - Parameter prompts: the known prompts; the catalog's alone when nil.
    public init(catalog: Catalog, prompts: PromptTexts? = nil) {
        self.catalog = catalog
        self.prompts = prompts ?? PromptTexts(catalog: catalog)
    }

    /// The leader's data, and what could not be read cleanly.
    public struct Extraction: Sendable {
        public var roster: Roster
        public var issues: [ExtractionIssue]
        public var hasErrors: Bool { issues.contains { $0.severity == .error } }
    }

    /// Reads a document's parts with this extractor's prompt texts.
    public func document(_ parts: ODFParts) throws(XMLParseError) -> ReportDocument {
        try ReportDocument(parts, prompts: prompts)
    }

    /// The leader's data as the document states it; header fields come from the metadata shufa wrote.
    /// - Parameter file: the document's name, recorded as the leader's location and named in issues.
    public func extract(_ document: ReportDocument, file: String, role roleName: String? = nil) -> Extraction {
        let outline = ReportOutline(document)
        let shape = ReportShape(document, outline: outline)
        var sorter = ParagraphSorter(outline: outline, shape: shape, leaderName: document.properties[MetaProperty.name])
        sorter.sort()
        let property = { (key: String) in document.properties[key]?.trimmingSpaces ?? "" }
        let role = roleName ?? property(MetaProperty.role)
        let leader = Leader(id: property(MetaProperty.id), name: property(MetaProperty.name),
                            unit: property(MetaProperty.unit), position: property(MetaProperty.position), role: role,
                            duty: sorter.duty, law: sorter.law.joined(separator: "\n"), problems: sorter.problems,
                            measures: sorter.measures,
                            indicators: IndicatorTable.values(document.tables, role: catalog.role(named: role)),
                            location: RecordLocation(file: file, row: 1))
        let year = Int(property(MetaProperty.year)) ?? 0
        let roster = Roster(organization: property(MetaProperty.organization), year: year, leaders: [leader])
        return Extraction(roster: roster, issues: issues(shape, outline: outline, sorter: sorter, file: file))
    }

    private func issues(_ shape: ReportShape, outline: ReportOutline, sorter: ParagraphSorter,
                        file: String) -> [ExtractionIssue] {
        var issues: [ExtractionIssue] = []
        let paragraph = { (heading: ReportOutline.Heading) in heading.block + 1 }
        switch shape.lawPlacement {
        case .whole: issues.append(.lawOnlyReport(file: file))
        case .none:
            let suspects = outline.body.filter { block in
                !block.inTable && ReportOutline.lawWords.contains(where: ChineseText.folded(block.text).contains)
            }
            issues.append(.noLawPart(file: file, suspects: suspects.map(\.index)))
        case .subItem where shape.lawHeadings.isEmpty:
            issues += shape.inlineLawPoints.map { .lawRunInPoint(file: file, paragraph: $0.index) }
        case .subItem, .table:
            issues += shape.lawHeadings.map { .lawNested(file: file, heading: $0.label, paragraph: paragraph($0)) }
        case .split: issues.append(.lawSplit(file: file, paragraphs: shape.lawHeadings.map(paragraph)))
        case .separate:
            if sorter.law.isEmpty, let item = shape.lawItem {
                issues.append(.emptyLawPart(file: file, heading: item.label))
            }
        }
        if shape.form == .unknown { issues.append(.unknownForm(file: file)) }
        if sorter.duty.isEmpty && shape.form != .lawOnly { issues.append(.noDutyPart(file: file)) }
        issues += sorter.unplaced.map { .unplaced(file: file, paragraph: $0.index, text: $0.text) }
        return issues
    }
}
