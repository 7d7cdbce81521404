import Foundation
import ShufaArchive
import ShufaKit

/// A draft or report a leader returns: read as `shufa check` and `shufa extract` read it, refused when it
/// is another leader's, checked, its outline kept for the page, the final report built from it when
/// nothing stops that (as `shufa extract --json` then `shufa build --kinds report`), and archived (已交回
/// recorded with the account).
struct ReturnedIntake {
    let desk: Desk

    func receive(_ upload: StoredUpload, account: Account, roster: RosterRecord) async throws -> ReturnedReport {
        guard let own = account.leader, roster.leader(own) != nil else {
            throw DeskError.unknownLeader(account.leader ?? "")
        }
        let folder = desk.folder
        let scratch = try folder.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let copy = try upload.namedCopy(in: folder, scratch: scratch)
        let parts = try await load(copy, name: upload.name)
        let desk = self.desk
        let reading = try await Blocking.run { try Self.read(parts, name: upload.name, own: own, desk: desk) }
        var report = ReturnedReport(
            file: DeskFile(
                sha256: upload.sha256, path: "uploads/\(upload.sha256).\(upload.type.fileExtension)", name: upload.name,
                leader: own, unit: roster.leader(own)?.unit ?? "", kind: "returned", format: upload.type.rawValue),
            at: DeskClock.now(), by: account.name, role: reading.checked.role, form: reading.checked.form?.chineseName,
            findings: reading.checked.findings.map(Self.row), outline: reading.outline, issues: reading.issues,
            final: nil, finalProblem: nil)
        var inputs = [copy]
        if reading.checked.hasErrors || reading.extraction.hasErrors {
            report.finalProblem = "报告还有错误，改正后重新上传才能生成正式报告"
        } else {
            do {
                report.final = try await buildFinal(reading.extraction.roster, leader: own, scratch: scratch)
                inputs.append(folder.final(own))
            } catch {
                report.finalProblem = DeskMessages.text(DeskError.wrap(error))
            }
        }
        let options = desk.collectOptions(year: roster.year, leader: own)
        let archived = inputs
        _ = try await Blocking.run { try desk.archiveAdd(archived, options: options, account: account) }
        try desk.state.addReturn(report, leader: own)
        desk.journal.record(
            account: account.name, action: "return",
            detail: "交回 \(upload.name)（\(own)）：\(report.errors) 个错误，\(report.warnings) 条提醒", sha256: upload.sha256)
        return report
    }

    /// The document's parts; a Word document through LibreOffice (one run at a time per core).
    private func load(_ copy: URL, name: String) async throws -> ODFParts {
        let fontConfig = desk.configuration.fontConfig
        let read = { @Sendable () throws -> ODFParts in
            guard let loaded = DocumentLoader.load([copy], fontConfig: fontConfig).first else { throw DeskError.noFile }
            do { return try loaded.parts.get() } catch {
                throw DeskError.unreadableDocument(CheckMessages.unreadable(name, error))
            }
        }
        guard ["docx", "doc"].contains(copy.pathExtension) else { return try await Blocking.run(read) }
        return try await desk.office.run { try await Blocking.run(read) }
    }

    /// What the checks and the extraction make of a document.
    struct Reading: Sendable {
        var checked: CheckedDocument
        var extraction: ReportExtractor.Extraction
        var outline: [OutlineRow]
        var issues: [IssueRow]
    }

    private static func read(_ parts: ODFParts, name: String, own: String, desk: Desk) throws -> Reading {
        let extractor = ReportExtractor(catalog: desk.catalog, prompts: desk.prompts)
        let document: ReportDocument
        let checked: CheckedDocument
        do {
            document = try extractor.document(parts)
            checked = try desk.checker.check(parts, path: name)
        } catch {
            throw DeskError.unreadableDocument(CheckMessages.unreadable(name, error))
        }
        let owner = document.properties[MetaProperty.id]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard owner.isEmpty || owner == own else { throw DeskError.notYours(file: name, owner: owner, own: own) }
        let extraction = extractor.extract(document, file: name)
        return Reading(
            checked: checked, extraction: extraction, outline: outline(document),
            issues: extraction.issues.map(issue))
    }

    /// Every paragraph with its level when it is a heading (1 for the top-level items).
    private static func outline(_ document: ReportDocument) -> [OutlineRow] {
        let outline = ReportOutline(document)
        var levels: [Int: Int] = [:]
        for heading in outline.headings where !heading.inTable {
            levels[heading.block] = heading.rank == outline.topRank ? 1 : 2
        }
        return document.blocks.enumerated().compactMap { position, block in
            let text = block.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty || !block.prompts.isEmpty else { return nil }
            let shown = text.isEmpty ? block.prompts.map { "【\($0)】" }.joined() : text
            return OutlineRow(index: block.index, text: shown, level: levels[position])
        }
    }

    static func row(_ finding: Finding) -> FindingRow {
        FindingRow(
            severity: finding.severity.rawValue, rule: finding.rule.rawValue, message: finding.message,
            location: finding.location, paragraph: paragraph(in: finding.location))
    }

    /// The paragraph a finding's location names: 「「二、……」 第12段（第340行）」 → 12.
    static func paragraph(in location: String) -> Int? {
        guard let start = location.range(of: "第"),
            let end = location.range(of: "段", range: start.upperBound..<location.endIndex)
        else { return nil }
        return Int(location[start.upperBound..<end.lowerBound])
    }

    private static func issue(_ issue: ExtractionIssue) -> IssueRow {
        let paragraphs: [Int]
        switch issue {
        case .noLawPart(_, let suspects): paragraphs = suspects
        case .lawNested(_, _, let paragraph), .lawRunInPoint(_, let paragraph), .unplaced(_, let paragraph, _):
            paragraphs = [paragraph]
        case .lawSplit(_, let found): paragraphs = found
        default: paragraphs = []
        }
        return IssueRow(isError: issue.severity == .error, message: issue.description, paragraphs: paragraphs)
    }

    /// Builds the final report from the leader's text (the extraction, in the roster's shape).
    private func buildFinal(_ roster: Roster, leader: String, scratch: URL) async throws -> DeskFile? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let input = scratch.appendingPathComponent("\(DataFolder.key(leader)).json")
        try encoder.encode(roster).write(to: input)
        let desk = self.desk
        let output = desk.folder.final(leader)
        let summary = try await Blocking.run { () throws -> BuildSummary in
            let request = BuildRequest(
                roster: input, templates: desk.configuration.templates, output: output, formats: Desk.builtFormats,
                kinds: [.report], validator: desk.validator)
            do { return try BatchBuilder(request).run() } catch { throw DeskError.build("\(error)") }
        }
        guard summary.faults.isEmpty, let document = summary.documents.first(where: { $0.leader == leader }) else {
            let reasons = (summary.faults.map(\.description) + summary.problems.map(\.message))
            throw DeskError.build(reasons.joined(separator: "；"))
        }
        return DeskFile(
            sha256: document.sha256, path: "final/\(DataFolder.key(leader))/\(document.path)",
            name: BatchJob.name(document.path), leader: leader, unit: document.unit, kind: "final",
            format: (document.path as NSString).pathExtension)
    }
}
