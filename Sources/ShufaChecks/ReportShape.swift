import ShufaCatalog
import ShufaTemplate
import ShufaText

/// A report's form and where its 述法 part stands, read from its title, its opening sentence
/// (「现将……情况报告如下」) and its outline.
public struct ReportShape: Sendable {
    public let form: ReportForm
    public let lawPlacement: LawPlacement
    /// The top-level 述法 item, when the 述法 stands as one item of its own.
    public let lawItem: ReportOutline.Heading?
    /// Every heading about the 述法, at any rank.
    public let lawHeadings: [ReportOutline.Heading]
    /// Paragraphs where the 述法 is a run-in point 「二是……」 inside another item (when no heading is).
    public let inlineLawPoints: [ReportDocument.Block]
    /// The paragraph the form was read from (the title, or the opening sentence), if any.
    public let evidence: ReportDocument.Block?

    public init(_ document: ReportDocument, outline: ReportOutline) {
        let lawHeadings = outline.headings.filter { $0.part == .law }
        let inline = lawHeadings.isEmpty ? Self.inlineLawPoints(outline) : []
        let front = outline.front.filter { !$0.inTable && !$0.text.trimmingSpaces.isEmpty }
        let title = Self.titleCue(front)
        let opening = front.lazy.compactMap { block in FormCue.opening(block.text).map { (block, FormCue($0)) } }.first
        let hasLaw = !lawHeadings.isEmpty || !inline.isEmpty
        var form: ReportForm
        if title?.cue == .combined || opening?.1 == .combined {
            form = .combined
        } else {
            switch title?.cue ?? opening?.1 {
            case .law?: form = .lawOnly
            case .duty?: form = hasLaw ? .combined : .dutyOnly
            case .combined?: form = .combined
            case nil:
                let madeByShufa = document.properties[MetaProperty.role] != nil
                    || document.generator == DocumentMeta.generator
                let saysNothing = !front.contains(where: Self.isTitleLike) && opening == nil
                form = madeByShufa ? .combined : saysNothing ? Self.formByStructure(outline) : .unknown
            }
        }
        self.form = form
        self.lawHeadings = lawHeadings
        inlineLawPoints = inline
        evidence = title?.block ?? opening?.0
        (lawPlacement, lawItem) = form == .lawOnly
            ? (.whole, nil) : Self.placement(lawHeadings, inline: inline, outline: outline)
    }

    /// A line that can be (part of) a title: no sentence in it, not a lead-in ending with a colon.
    static func isTitleLike(_ block: ReportDocument.Block) -> Bool {
        let text = block.text.trimmingSpaces
        guard !text.isEmpty, text.utf8.count <= 80 || text.count <= 80, !ChineseText.hasSentenceEnd(text) else {
            return false
        }
        return !["：", ":", "，", ","].contains(text.last!)
    }

    /// The first report title of the front that says what it is, with a title line before it
    /// (「履行推进法治建设第一责任人职责」 / 「述职报告」).
    private static func titleCue(_ front: [ReportDocument.Block]) -> (cue: FormCue, block: ReportDocument.Block)? {
        let lines = front.filter(isTitleLike)
        for (position, line) in lines.enumerated() {
            guard let title = FormCue.reportTitle(line.text) else { continue }
            if position > 0 {
                let previous = lines[position - 1]
                if previous.index == line.index - 1, FormCue.reportTitle(previous.text) == nil,
                   let cue = FormCue(previous.text + title) {
                    return (cue, previous)
                }
            }
            if let cue = FormCue(title) { return (cue, line) }
        }
        return nil
    }

    /// Words that mark a heading as being about rule of law, for a text that has neither title nor opening.
    private static let lawThemeWords = ["法治", "法律", "司法", "普法", "依法", "执法", "学法", "法规", "法制", "第一责任人"]

    /// Without title or opening: a 述法 item beside other items makes a combined report; headings that are
    /// nearly all about rule of law make a law-only report.
    private static func formByStructure(_ outline: ReportOutline) -> ReportForm {
        let items = outline.items
        if items.contains(where: { $0.part == .law }) && items.contains(where: { [.duty, .other].contains($0.part) }) {
            return .combined
        }
        let headings = outline.headings.filter {
            !$0.inTable && $0.rank < ReportOutline.pointRank && $0.part != .problems
        }
        let themed = headings.filter { lawThemeWords.contains(where: ChineseText.folded($0.title).includes) }
        return headings.count >= 3 && themed.count * 5 >= headings.count * 3 ? .lawOnly : .unknown
    }

    /// Where the 述法 headings (or run-in points) stand.
    private static func placement(_ law: [ReportOutline.Heading], inline: [ReportDocument.Block],
                                  outline: ReportOutline) -> (LawPlacement, ReportOutline.Heading?) {
        if law.isEmpty { return (inline.isEmpty ? .none : .subItem, nil) }
        let top = law.filter { $0.rank == outline.topRank && !$0.inTable }
        let tables = law.filter(\.inTable)
        let nested = law.filter { heading in
            !heading.inTable && heading.rank != outline.topRank
                && !top.contains { outline.subheadings(of: $0).contains(heading) }
        }
        let parents = Set(nested.compactMap { outline.item(containing: outline.block(of: $0))?.block })
        let places = top.count + tables.count + max(parents.count, nested.isEmpty ? 0 : 1)
        if places > 1 { return (.split, nil) }
        if let item = top.first { return (.separate, item) }
        return (tables.isEmpty ? .subItem : .table, nil)
    }

    /// Paragraphs with a run-in point about the 述法 inside them: 「……。二是扛牢法治建设第一责任人职责。……」.
    private static func inlineLawPoints(_ outline: ReportOutline) -> [ReportDocument.Block] {
        outline.body.filter { block in
            guard !block.inTable else { return false }
            let plain = ChineseText.folded(block.text)
            return plain.matches(of: /(?:^|[。；;！？])\s*[一二三四五六七八九十]+是([^。；;！？]*)/).contains { match in
                ReportOutline.lawWords.contains(where: match.output.1.contains)
            }
        }
    }
}
