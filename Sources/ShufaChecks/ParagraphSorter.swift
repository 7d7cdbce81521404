import ShufaText

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
