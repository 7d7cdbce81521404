import Foundation
import ShufaXML

/// The checks of a returned or generated 述职述法报告 (rules documented in the README): role, required
/// parts in order, the 述法 part as one separate top-level item, its length, its coverage of the
/// role's points, leftovers, minimums and schema validity.
public struct ReportChecker: Sendable {
    public let catalog: Catalog
    public let validator: ODFValidator?

    public init(catalog: Catalog, validator: ODFValidator?) {
        self.catalog = catalog
        self.validator = validator
    }

    /// Checks a document already read; `role` overrides the one in its metadata.
    /// Throws when the document is not well-formed XML at all.
    public func check(_ parts: ODFParts, path: String, role roleName: String? = nil) throws(XMLParseError) -> CheckedDocument {
        let document = try ReportDocument(parts)
        var findings = schemaFindings(parts, strict: document.generator == ReportChecker.generator)
        let name = roleName ?? document.properties[MetaProperty.role]
        let role = name.flatMap(catalog.role(named:))
        if role == nil { findings.append(roleFinding(name)) }
        let context = Context(document: document, outline: ReportOutline(document), role: role, catalog: catalog)
        findings += context.parts() + context.separateItem() + context.leftovers() + context.minimums()
        if let law = context.lawPart {
            findings += context.length(law) + context.coverage(law)
        }
        return CheckedDocument(path: path, role: role?.name, findings: findings.sorted { $0.severity < $1.severity })
    }

    private func roleFinding(_ name: String?) -> Finding {
        let known = catalog.roles.map(\.name).joined(separator: "、")
        let message = name.map { "述法主体类别「\($0)」不在目录中（templates/catalog.yaml）；可选：\(known)" }
            ?? "无法确定述法主体类别：文档元数据中没有「\(MetaProperty.role)」，请用 --role 指定（可选：\(known)）"
        return Finding(rule: .role, severity: .error, message: message, location: "文档属性")
    }

    /// The `meta:generator` of the documents shufa writes (an office program that saves one replaces it).
    static let generator = "shufa"

    /// Schema validity alone (rule `schema`): `strict` for documents shufa wrote; for documents saved by
    /// office programs, their vendor extensions are info.
    public func schemaFindings(_ parts: ODFParts, strict: Bool) -> [Finding] {
        guard let validator else { return [] }
        let issues = validator.validate(parts)
        guard !issues.isEmpty else { return [] }
        let remaining = strict ? issues : validator.validate(parts.withoutVendorExtensions())
        var findings = remaining.prefix(10).map {
            Finding(rule: .schema, severity: .error, message: "不符合 ODF 1.3 规范：\($0.message)", location: "\($0.part) 第\($0.line)行")
        }
        if remaining.count > 10 {
            findings.append(Finding(rule: .schema, severity: .error, message: "另有 \(remaining.count - 10) 处不符合 ODF 1.3 规范", location: remaining[10].part))
        }
        if !strict && remaining.count < issues.count {
            findings.append(Finding(rule: .schema, severity: .info, message: "含办公软件的扩展标记（如 LibreOffice 的 loext:）\(issues.count - remaining.count) 处，不影响内容",
                                    location: issues[0].part))
        }
        return findings
    }
}

/// Everything one document's rules look at.
private struct Context {
    let document: ReportDocument
    let outline: ReportOutline
    let role: Role?
    let catalog: Catalog

    /// The top-level 述法 item, when there is exactly one at top level.
    var lawPart: ReportOutline.Heading? {
        let top = outline.items.filter { $0.part == .law }
        return top.count == 1 ? top[0] : nil
    }

    func location(_ block: ReportDocument.Block) -> String {
        let section = outline.headings.last { $0.block <= block.index - 1 && $0.level == 1 }
        var text = section.map { "「\($0.title)」" } ?? "正文前部"
        text += " 第\(block.index)段"
        if block.line > 0 { text += "（第\(block.line)行）" }
        return text
    }

    func location(_ heading: ReportOutline.Heading) -> String { location(document.blocks[heading.block]) }

    /// Rule 2: 述职, 述法 and 存在问题 parts present, in that order.
    func parts() -> [Finding] {
        var findings: [Finding] = []
        let items = outline.items
        let first = { (part: ReportOutline.Part) in items.firstIndex { $0.part == part } }
        if first(.duty) == nil {
            findings.append(Finding(rule: .parts, severity: .error, message: "缺少述职部分（如「一、履行岗位职责情况」）", location: "全文"))
        }
        if !outline.headings.contains(where: { $0.part == .law }) {
            findings.append(Finding(rule: .parts, severity: .error, message: "缺少述法部分：应以「履行推进法治建设第一责任人职责情况」为题单独列项", location: "全文"))
        }
        if first(.problems) == nil {
            findings.append(Finding(rule: .parts, severity: .warning, message: "没有「存在问题和改进措施」部分", location: "全文"))
        }
        let order = [first(.duty), first(.law), first(.problems)].compactMap { $0 }
        if order != order.sorted(), let law = first(.law) {
            findings.append(Finding(rule: .parts, severity: .error, message: "各部分顺序应为：述职、述法、存在问题和改进措施", location: location(items[law])))
        }
        return findings
    }

    /// Rule 3 (单独列项) and the 整体表述 half of rule 4.
    func separateItem() -> [Finding] {
        let law = outline.headings.filter { $0.part == .law }
        var findings: [Finding] = []
        if law.count > 1 {
            findings.append(Finding(rule: .separateItem, severity: .error,
                                    message: "述法内容分散在 \(law.count) 处，应单独列项、整体表述，只出现一次", location: law.map(location).joined(separator: "；")))
        }
        for heading in law where heading.inTable {
            findings.append(Finding(rule: .separateItem, severity: .error, message: "述法部分放在了表格里，应作为正文的一级标题单独列项", location: location(heading)))
        }
        for heading in law where !heading.inTable && heading.level > 1 {
            let parent = outline.items.last { $0.block < heading.block }
            let under = parent.map { "「\($0.title)」的子项" } ?? "下级标题"
            findings.append(Finding(rule: .separateItem, severity: .error,
                                    message: "述法部分写成了\(under)，应与其他部分同级（如「二、履行推进法治建设第一责任人职责情况」）", location: location(heading)))
        }
        if let part = lawPart {
            let subheadings = outline.headings.filter { $0.block > part.block && $0.level > 1 }.filter { sub in
                outline.content(of: part).contains { $0.index - 1 == sub.block }
            }
            if !subheadings.isEmpty {
                findings.append(Finding(rule: .separateItem, severity: .warning, message: "述法部分再分了 \(subheadings.count) 个小标题，应整体表述", location: location(subheadings[0])))
            }
        }
        return findings
    }

    /// The 述法 part's own text, headings excluded.
    func lawText(_ part: ReportOutline.Heading) -> String {
        outline.content(of: part).filter { !outline.isHeading($0) }.map(\.text).joined(separator: "\n")
    }

    /// Rule 4: about 300 characters.
    func length(_ part: ReportOutline.Heading) -> [Finding] {
        let limits = catalog.lawLength
        let count = ReportOutline.countedLength(lawText(part))
        let severity: Finding.Severity
        switch count {
        case limits.fineMin...limits.fineMax: return []
        case ..<limits.errorMin, (limits.errorMax + 1)...: severity = .error
        default: severity = .warning
        }
        return [Finding(rule: .length, severity: severity,
                        message: "述法部分 \(count) 字（计汉字、字母和数字），要求 \(limits.target) 字左右（\(limits.fineMin)–\(limits.fineMax) 字）",
                        location: location(part))]
    }

    /// Rule 5: which of the role's points the 述法 text addresses.
    func coverage(_ part: ReportOutline.Heading) -> [Finding] {
        guard let role else { return [] }
        let text = lawText(part)
        guard ReportOutline.countedLength(text) > 0 else { return [] }
        return role.points.enumerated().filter { _, point in !point.keywords.contains(where: text.contains) }.map { index, point in
            Finding(rule: .coverage, severity: .warning,
                    message: "述法部分未涉及要点\(index + 1)「\(point.title)」（关键词：\(point.keywords.joined(separator: "、"))）", location: location(part))
        }
    }

    /// Rule 6: prompts, markers and empty header fields left in.
    func leftovers() -> [Finding] {
        var findings: [Finding] = []
        for block in document.blocks {
            for prompt in block.placeholders {
                findings.append(Finding(rule: .leftovers, severity: .error, message: "未填写的提示：「\(Self.short(prompt))」", location: location(block)))
            }
            if block.text.contains("{{") {
                findings.append(Finding(rule: .leftovers, severity: .error, message: "残留模板标记：「\(Self.short(block.text))」", location: location(block)))
            }
        }
        if let name = document.properties[MetaProperty.name], !name.isEmpty,
           !outline.front.contains(where: { $0.text.contains(name) }) {
            findings.append(Finding(rule: .leftovers, severity: .error, message: "标题下的署名中没有姓名「\(name)」", location: "正文前部"))
        }
        for key in [MetaProperty.name, MetaProperty.unit] where document.properties[key]?.trimmingSpaces.isEmpty == true {
            findings.append(Finding(rule: .leftovers, severity: .error, message: "文档属性「\(key)」为空", location: "文档属性"))
        }
        return findings
    }

    /// Rule 7, for documents with the draft's indicator table: values below the role's minimums.
    func minimums() -> [Finding] {
        guard let role else { return [] }
        var findings: [Finding] = []
        for row in document.tables.joined() where row.count >= 2 {
            guard let minimum = role.minimums.first(where: { $0.indicator == row[0] }), let value = Double(row[1]) else { continue }
            if value < minimum.minimum {
                findings.append(MinimumCheck.finding(minimum, value: value, location: "指标表「\(minimum.indicator)」"))
            }
        }
        return findings
    }

    static func short(_ text: String) -> String {
        let flat = text.trimmingSpaces.replacingOccurrences(of: "\n", with: " ")
        return flat.count > 30 ? String(flat.prefix(30)) + "…" : flat
    }
}

/// The yearly minimums rule (最低要求), shared by `check` and `build`.
public enum MinimumCheck {
    /// Findings for a leader's indicator values below their role's minimums.
    public static func findings(_ leader: Leader, role: Role) -> [Finding] {
        role.minimums.compactMap { minimum in
            guard let value = leader.indicators[minimum.indicator], value < minimum.minimum else { return nil }
            return finding(minimum, value: value, location: "\(leader.location)，\(minimum.indicator)")
        }
    }

    static func finding(_ minimum: Minimum, value: Double, location: String) -> Finding {
        Finding(rule: .minimums, severity: .warning,
                message: "\(minimum.indicator) \(DocumentData.format(value))\(minimum.unit)，低于最低要求 \(DocumentData.format(minimum.minimum))\(minimum.unit)（\(minimum.basis)，\(minimum.source)）",
                location: location)
    }
}
