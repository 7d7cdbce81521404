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

/// Sorts the paragraphs of a report's body into 述职, 述法, 存在问题 and 改进措施.
struct ParagraphSorter {
    let outline: ReportOutline
    let shape: ReportShape
    let leaderName: String?
    private(set) var duty: [String] = []
    private(set) var law: [String] = []
    private(set) var problems: [String] = []
    private(set) var measures: [String] = []
    private(set) var unplaced: [ReportDocument.Block] = []

    init(outline: ReportOutline, shape: ReportShape, leaderName: String?) {
        self.outline = outline
        self.shape = shape
        self.leaderName = leaderName
    }

    mutating func sort() {
        for block in outline.front where isOpeningProse(block) { duty.append(block.text.trimmingSpaces) }
        var intoMeasures = false
        for block in outline.body where !block.inTable {
            let heading = outline.heading(at: block)
            if let heading, heading.part == .problems, !heading.inTable {
                intoMeasures = Self.isMeasures(heading.title)
            }
            if shape.form != .lawOnly, let lawHeading = lawHeading(over: block) {
                let text = heading == lawHeading ? lawHeading.runIn : outline.isHeading(block) ? nil : block.text
                if let text = text?.trimmingSpaces, !text.isEmpty { law.append(text) }
                continue
            }
            guard !outline.isHeading(block) else { continue }
            let own = heading?.rank == outline.topRank ? heading?.runIn : block.text
            guard let text = own?.trimmingSpaces, !text.isEmpty else { continue }
            switch outline.item(containing: block)?.part {
            case .problems?: if intoMeasures { measures.append(text) } else { problems.append(text) }
            case .appendix?: unplaced.append(block)
            case .law? where shape.form == .lawOnly: law.append(text)
            case .duty?, .other?, .law?:
                if shape.form == .lawOnly { law.append(text) } else { duty.append(text) }
            case nil: unplaced.append(block)
            }
        }
    }

    /// The 述法 heading whose text a block is (the heading's own run-in text included).
    private func lawHeading(over block: ReportDocument.Block) -> ReportOutline.Heading? {
        let position = block.index - 1
        return shape.lawHeadings.filter { heading in
            !heading.inTable && (heading.block == position || outline.span(of: heading).contains(position))
        }
            .max { $0.rank < $1.rank }
    }

    /// A paragraph before the first item that the leader wrote as the report's opening (not the title,
    /// not the signature line).
    private func isOpeningProse(_ block: ReportDocument.Block) -> Bool {
        let text = block.text.trimmingSpaces
        guard !block.inTable, !text.isEmpty, !ReportShape.isTitleLike(block) else { return false }
        return leaderName.map { !text.contains($0) || text.count > 40 } ?? true
    }

    /// True for a sub-heading of 改进措施 / 下一步打算.
    private static func isMeasures(_ title: String) -> Bool {
        let plain = ChineseText.folded(title)
        return ["措施", "打算", "下一步", "下步", "努力方向", "整改"].contains(where: plain.contains) && !plain.contains("问题")
    }
}
