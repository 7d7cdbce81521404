import Foundation
import ShufaKit
import ShufaODF
import ShufaTally

/// Builds the batch of the roster in use, as `shufa build --pdf` and `shufa archive add` do, in the
/// background: every document (as .odt), the PDFs and one combined print file per kind, a ZIP per kind,
/// and the batch archived (下发草稿 recorded with the account). Its progress goes to the job board. The
/// batch is made in `batch.next/` and takes the place of the previous one only when it is complete, so a
/// build that fails leaves the previous batch as it was.
struct BatchJob: Sendable {
    let desk: Desk
    let account: Account
    let roster: RosterRecord
    let id: String

    func run() async {
        do {
            let record = try await build()
            let documents = record.files.filter { $0.format != "pdf" && $0.kind != "zip" && $0.kind != "combined" }
            var message = "已生成 \(documents.count) 份文书"
            if record.files.contains(where: { $0.format == "pdf" }) { message += "和 PDF" }
            await desk.jobs.finish(id, message: message, failed: false)
        } catch {
            await desk.jobs.finish(id, message: DeskMessages.text(DeskError.wrap(error)), failed: true)
        }
    }

    private func build() async throws -> BatchRecord {
        let folder = desk.folder
        let scratch = try folder.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let rosterCopy = try roster.upload.namedCopy(in: folder, scratch: scratch)
        try? FileManager.default.removeItem(at: folder.stagedBatch)
        defer { try? FileManager.default.removeItem(at: folder.stagedBatch) }
        await desk.jobs.update(id, stage: "生成文书（\(roster.leaders.count) 人）")
        let summary = try await makeDocuments(roster: rosterCopy)
        var files = summary.documents.map(file)
        let printing = await printDocuments(summary.documents)
        files += printing.files
        await desk.jobs.update(id, stage: "打包")
        files += try writeZips(files)
        try replaceBatch(aside: scratch)
        await desk.jobs.update(id, stage: "归档")
        let desk = self.desk
        let account = self.account
        _ = try await Blocking.run {
            try desk.archiveAdd([folder.batch], options: desk.collectOptions(), account: account)
        }
        let findings = summary.checks.flatMap(\.findings)
        let record = BatchRecord(
            year: roster.year, organization: roster.organization, files: files,
            problems: summary.problems.map(ProblemRow.init),
            checkErrors: findings.filter { $0.severity == .error }.count,
            checkWarnings: findings.filter { $0.severity == .warning }.count,
            printProblem: printing.problem, printFailures: printing.failures, by: account.name, at: DeskClock.now())
        try desk.state.setBatch(record)
        desk.journal.record(
            account: account.name, action: "build",
            detail: "生成\(roster.year)年度文书 \(summary.documents.count) 份（名单 \(roster.upload.name)）",
            sha256: roster.upload.sha256)
        return record
    }

    /// Puts the new batch in the place of the previous one (moved into the job's scratch folder, removed
    /// with it).
    private func replaceBatch(aside scratch: URL) throws {
        let batch = desk.folder.batch
        if FileManager.default.fileExists(atPath: batch.path),
            rename(batch.path, scratch.appendingPathComponent("previous").path) != 0
        {
            throw DeskError.dataFolder(path: batch.path, reason: String(cString: strerror(errno)))
        }
        guard rename(desk.folder.stagedBatch.path, batch.path) == 0 else {
            throw DeskError.dataFolder(path: batch.path, reason: String(cString: strerror(errno)))
        }
    }

    /// Where a file of the batch is while the batch is being made.
    private func staged(_ file: DeskFile) -> URL {
        desk.folder.stagedBatch.appendingPathComponent(String(file.path.dropFirst("batch/".count)))
    }

    /// The documents as `shufa build --format odt,docx` writes them (the Word copies when the desk prints,
    /// that is when LibreOffice is there to make them).
    private func makeDocuments(roster copy: URL) async throws -> BuildSummary {
        let desk = self.desk
        let configuration = desk.configuration
        var request = BuildRequest(
            roster: copy, templates: configuration.templates, output: desk.folder.stagedBatch,
            formats: Desk.builtFormats, validator: desk.validator)
        request.rosterDocuments = [TallyEntryDocuments(templates: configuration.templates)]
        if configuration.printing {
            do {
                request.word = try WordOptions(
                    fontConfig: configuration.fontConfig, keepSources: true, processes: configuration.officeJobs)
            } catch { throw DeskError.build("\(error)") }
        }
        let build: @Sendable () async throws -> BuildSummary = { [request] in
            try await Blocking.run {
                do { return try BatchBuilder(request).run() } catch { throw DeskError.build("\(error)") }
            }
        }
        let summary = try await configuration.printing ? desk.office.run(build) : build()
        guard summary.faults.isEmpty else {
            throw DeskError.build(summary.faults.map(\.description).joined(separator: "；"))
        }
        return summary
    }

    /// The PDFs of the batch (as `shufa print`), or why there are none.
    private func printDocuments(
        _ documents: [BuildSummary.Document]
    ) async -> (files: [DeskFile], problem: String?, failures: [String]) {
        let printable = documents.filter { $0.path.hasSuffix(".odt") || $0.path.hasSuffix(".fodt") }
        guard desk.configuration.printing, !printable.isEmpty else { return ([], nil, []) }
        await desk.jobs.update(id, stage: "转换 PDF", done: 0, total: printable.count)
        let desk = self.desk
        let id = self.id
        let options = PrintOptions(
            pdfa: true, fontConfig: desk.configuration.fontConfig, processes: desk.configuration.officeJobs)
        let request = PrintRequest(
            build: desk.folder.stagedBatch, output: desk.folder.stagedBatch.appendingPathComponent("pdf"),
            documents: printable, options: options)
        do {
            let summary = try await desk.office.run {
                try await Blocking.run { () throws -> PrintSummary in
                    try PrintBatch(request).run { progress in
                        Task { await desk.jobs.update(id, stage: "转换 PDF", done: progress.done, total: progress.total) }
                    }
                }
            }
            var files = summary.documents.map {
                DeskFile(
                    sha256: $0.sha256, path: "batch/pdf/\($0.path)", name: Self.name($0.path), leader: $0.leader,
                    unit: $0.unit, kind: $0.kind.rawValue, format: "pdf")
            }
            files += summary.combined.map {
                DeskFile(
                    sha256: $0.sha256, path: "batch/pdf/\($0.path)", name: Self.name($0.path), leader: nil, unit: "",
                    kind: "combined", format: "pdf")
            }
            return (files, nil, summary.failures.map(\.description))
        } catch {
            return ([], "\(error)", [])
        }
    }

    /// One ZIP per kind with its documents and their PDFs, for a clerk to hand on (stored, not compressed
    /// again: ODF packages and PDFs are compressed already).
    private func writeZips(_ files: [DeskFile]) throws -> [DeskFile] {
        var zips: [DeskFile] = []
        let folder = desk.folder.stagedBatch.appendingPathComponent("zip")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for kind in DocumentKind.allCases {
            let members = files.filter { $0.kind == kind.rawValue }
            guard !members.isEmpty else { continue }
            var entries: [ZipEntry] = []
            for member in members {
                let data = try RegularFile.read(staged(member), limit: 1 << 30)
                entries.append(.stored(member.name, Array(data)))
            }
            let bytes = ZipWriter.archive(entries)
            let name = "\(kind.rawValue)-\(kind.chineseName).zip"
            try OutputFiles.writeAtomically(bytes, to: folder.appendingPathComponent(name))
            zips.append(
                DeskFile(
                    sha256: ContentDigest.hex(bytes), path: "batch/zip/\(name)", name: name, leader: nil, unit: "",
                    kind: "zip", format: "zip"))
        }
        return zips
    }

    private func file(_ document: BuildSummary.Document) -> DeskFile {
        DeskFile(
            sha256: document.sha256, path: "batch/\(document.path)", name: Self.name(document.path),
            leader: document.leader, unit: document.unit, kind: document.kind.rawValue,
            format: (document.path as NSString).pathExtension)
    }

    static func name(_ path: String) -> String { (path as NSString).lastPathComponent }
}
