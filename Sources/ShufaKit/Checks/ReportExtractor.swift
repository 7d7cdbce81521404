/// Reads a returned draft or report back into the roster's shape (a one-leader roster), so that
/// `shufa extract` then `shufa build` makes a final report with the leader's own text.
public struct ReportExtractor: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) { self.catalog = catalog }

    /// The leader's data as the document states it; header fields come from the metadata shufa wrote.
    /// - Parameter file: the document's name, recorded as the leader's location.
    public func extract(_ document: ReportDocument, file: String, role roleName: String? = nil) -> Roster {
        let outline = ReportOutline(document)
        let property = { (key: String) in document.properties[key]?.trimmingSpaces ?? "" }
        let role = roleName ?? property(MetaProperty.role)
        var duty: [String] = [], law: [String] = [], problems: [String] = [], measures: [String] = []
        for item in outline.items {
            switch item.part {
            case .duty: duty += texts(outline.content(of: item), outline: outline)
            case .law: law += texts(outline.content(of: item), outline: outline)
            case .problems: split(item, outline: outline, problems: &problems, measures: &measures)
            case .other: continue
            }
        }
        let leader = Leader(id: property(MetaProperty.id), name: property(MetaProperty.name), unit: property(MetaProperty.unit),
                            position: property(MetaProperty.position), role: role, duty: duty, law: law.joined(separator: "\n"),
                            problems: problems, measures: measures, indicators: indicators(document, role: catalog.role(named: role)),
                            location: RecordLocation(file: file, row: 1))
        return Roster(organization: property(MetaProperty.organization), year: Int(property(MetaProperty.year)) ?? 0, leaders: [leader])
    }

    /// The paragraphs the leader wrote: not headings, not empty, not prompts.
    private func texts(_ blocks: [ReportDocument.Block], outline: ReportOutline) -> [String] {
        blocks.filter { !outline.isHeading($0) && !$0.inTable }.map { $0.text.trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// 存在问题 and 改进措施, told apart by their sub-headings (「（一）存在问题」「（二）改进措施」).
    private func split(_ item: ReportOutline.Heading, outline: ReportOutline, problems: inout [String], measures: inout [String]) {
        var intoMeasures = false
        for block in outline.content(of: item) where !block.inTable {
            if outline.isHeading(block) {
                intoMeasures = block.text.contains("措施")
                continue
            }
            let text = block.text.trimmingSpaces
            guard !text.isEmpty else { continue }
            if intoMeasures { measures.append(text) } else { problems.append(text) }
        }
    }

    /// Indicator values from a table whose rows start with an indicator name and its number.
    private func indicators(_ document: ReportDocument, role: Role?) -> [String: Double] {
        let names = Set(role?.minimums.map(\.indicator) ?? [])
        var values: [String: Double] = [:]
        for row in document.tables.joined() where row.count >= 2 && names.contains(row[0]) {
            if let value = Double(row[1]) { values[row[0]] = value }
        }
        return values
    }
}
