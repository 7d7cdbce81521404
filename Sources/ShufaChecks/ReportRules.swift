import ShufaCatalog
import ShufaTemplate
import ShufaText

/// The rules of one report, read with its outline and shape (form and where the 述法 stands).
struct ReportRules {
    let document: ReportDocument
    let outline: ReportOutline
    let shape: ReportShape
    let role: Role?
    let catalog: Catalog

    /// Every rule's findings except role and schema.
    func all() -> [Finding] {
        let law = lawText().map { (text: $0, count: ReportOutline.countedLength($0)) }
        return form() + parts() + separateItem() + length(law) + coverage(law) + leftovers() + minimums()
    }

    /// The 述法 text the length and coverage rules read (`lawText()`) and its counted length.
    typealias LawText = (text: String, count: Int)

    /// 「「二、履行……情况」 第12段（第340行）」: the top-level item and paragraph, with the line for Flat XML.
    func location(_ block: ReportDocument.Block) -> String {
        var text = outline.item(containing: block).map { "「\($0.label)」" } ?? "标题及正文前部"
        text += " 第\(block.index)段"
        if block.line > 0 { text += "（第\(block.line)行）" }
        return text
    }

    func location(_ heading: ReportOutline.Heading) -> String { location(outline.block(of: heading)) }

    /// Rule form: the report's form against the forms the catalog accepts.
    func form() -> [Finding] {
        let accepted = catalog.reportForms.accepted
        let at = shape.evidence.map(location) ?? "全文"
        switch shape.form {
        case .lawOnly where !accepted.contains(.lawOnly):
            return [Finding(.form, .error, .lawOnlyNotAccepted, at: at)]
        case .combined where !accepted.contains(.combined):
            return [Finding(.form, .error, .combinedNotAccepted, at: at)]
        case .unknown: return [Finding(.form, .warning, .unknownForm, at: "标题及正文前部")]
        default: return []
        }
    }

    /// Rule parts: 述职, 述法 and 存在问题 present, in that order (a law-only report needs no 述职 part).
    func parts() -> [Finding] {
        let items = outline.items
        let first = { (parts: [ReportOutline.Part]) in items.firstIndex { parts.contains($0.part) } }
        let problems = first([.problems])
        var findings: [Finding] = []
        if problems == nil { findings.append(Finding(.parts, .warning, .missingProblems, at: "全文")) }
        guard shape.form != .lawOnly else { return findings }
        let duty = first([.duty, .other])
        if duty == nil { findings.append(Finding(.parts, .error, .missingDuty, at: "全文")) }
        if shape.lawPlacement == .none { findings.append(Finding(.parts, .error, .missingLaw, at: "全文")) }
        let law = shape.lawItem.flatMap { item in items.firstIndex(of: item) }
        let order = [duty, law, problems].compactMap { $0 }
        if order != order.sorted(), let law {
            findings.append(Finding(.parts, .error, .partsOrder, at: location(items[law])))
        }
        return findings
    }

    /// Rule separate-item (单独列项) and the 整体表述 half of the length rule.
    func separateItem() -> [Finding] {
        switch shape.lawPlacement {
        case .split:
            let places = shape.lawHeadings.filter { !isInsideLawItem($0) }
            let at = places.map(location).joined(separator: "；")
            return [Finding(.separateItem, .error, .lawSplit(places: places.count), at: at)]
        case .table:
            return shape.lawHeadings.filter(\.inTable).map {
                Finding(.separateItem, .error, .lawInTable, at: location($0))
            }
        case .subItem:
            let nested = shape.lawHeadings.map {
                Finding(.separateItem, .error, .lawNested(parent: parent(of: $0)), at: location($0))
            }
            let points = shape.inlineLawPoints.map { block in
                let parent = outline.item(containing: block)?.label
                return Finding(.separateItem, .error, .lawRunInPoint(parent: parent), at: location(block))
            }
            return nested + points
        case .separate:
            guard let item = shape.lawItem else { return [] }
            let subheadings = outline.subheadings(of: item).filter { $0.rank < ReportOutline.pointRank }
            guard let first = subheadings.first else { return [] }
            return [Finding(.separateItem, .warning, .lawSubheadings(subheadings.count), at: location(first))]
        case .whole, .none:
            return []
        }
    }

    private func isInsideLawItem(_ heading: ReportOutline.Heading) -> Bool {
        shape.lawHeadings.contains { law in
            law != heading && law.rank == outline.topRank && outline.subheadings(of: law).contains(heading)
        }
    }

    /// The heading a nested heading stands under (the nearest heading of higher rank before it).
    private func parent(of heading: ReportOutline.Heading) -> String? {
        outline.headings.last { $0.block < heading.block && $0.rank < heading.rank && !$0.inTable }?.label
    }

    /// The text the length and coverage rules read: the 述法 item's own text, or the whole text of a
    /// law-only report (headings excluded); nil when the 述法 part does not stand on its own.
    func lawText() -> String? {
        if shape.form == .lawOnly {
            return outline.body.filter { !outline.isHeading($0) && !$0.inTable }
                .map { outline.heading(at: $0)?.runIn ?? $0.text }.joined(separator: "\n")
        }
        guard let item = shape.lawItem else { return nil }
        let blocks = outline.content(of: item).filter { !outline.isHeading($0) && !$0.inTable }
        return blocks.map(\.text).joined(separator: "\n")
    }

    /// Rule length: about 300 characters (a law-only report: the band of its whole text).
    func length(_ law: LawText?) -> [Finding] {
        guard let count = law?.count else { return [] }
        let whole = shape.form == .lawOnly
        let limits = whole ? catalog.reportForms.lawOnlyLength : catalog.lawLength
        let severity: Finding.Severity
        switch count {
        case limits.fineMin...limits.fineMax: return []
        case ..<limits.errorMin, (limits.errorMax + 1)...: severity = .error
        default: severity = .warning
        }
        let at = shape.lawItem.map(location) ?? "全文"
        return [Finding(.length, severity, .length(count: count, limits: limits, wholeReport: whole), at: at)]
    }

    /// Rule coverage: which of the role's points the 述法 text addresses.
    func coverage(_ law: LawText?) -> [Finding] {
        guard let role, let law, law.count > 0 else { return [] }
        let text = ChineseText.folded(law.text)
        let at = shape.lawItem.map(location) ?? "全文"
        let uncovered = role.points.enumerated().filter { _, point in !point.keywords.contains(where: text.includes) }
        return uncovered.map { index, point in
            Finding(.coverage, .warning, .uncovered(number: index + 1, point: point), at: at)
        }
    }

    /// Rule leftovers: prompts, markers, blanks, and the header's name and properties.
    func leftovers() -> [Finding] {
        var findings: [Finding] = []
        for block in document.blocks {
            var found: [(Finding.Severity, FindingMessage)] = block.prompts.map { (.error, .prompt($0)) }
                + block.styledText.map { (.warning, .promptStyledText($0)) }
            if block.text.includes("{{") { found.append((.error, .marker(block.text))) }
            let blanks = BlankFinder.blanks(in: block.text)
            if !blanks.isEmpty { found.append((.warning, .blanks(blanks))) }
            guard !found.isEmpty else { continue }
            let at = location(block)
            findings += found.map { Finding(.leftovers, $0.0, $0.1, at: at) }
        }
        if let name = document.properties[MetaProperty.name]?.trimmingSpaces, !name.isEmpty,
           !outline.front.contains(where: { $0.text.includes(name) }) {
            findings.append(Finding(.leftovers, .error, .nameNotInHeader(name), at: "标题及正文前部"))
        }
        for key in [MetaProperty.name, MetaProperty.unit] where document.properties[key]?.trimmingSpaces == "" {
            findings.append(Finding(.leftovers, .error, .emptyProperty(key), at: "文档属性"))
        }
        return findings
    }

    /// Rule minimums, for documents with an indicator table: values below the role's minimums.
    func minimums() -> [Finding] {
        guard let role else { return [] }
        let values = IndicatorTable.values(document.tables, role: role)
        return MinimumCheck.findings(values, role: role) { "指标表「\($0.indicator)」" }
    }
}
