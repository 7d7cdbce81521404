import Crypto
import Foundation
import ShufaCatalog
import ShufaChecks
import ShufaRoster
import ShufaSystem
import ShufaTemplate

/// Builds every document of a roster: reads the catalog and templates once, then renders and writes
/// each leader's documents (in parallel), and the summary.
public struct BatchBuilder: Sendable {
    public let catalog: Catalog
    public let templates: TemplateSet
    public let request: BuildRequest
    /// The roster read and parsed on another thread while the catalog and templates load.
    private let prefetch: RosterPrefetch
    /// The checks made ready (prompts, proofs of the templates) on another thread while the roster is read;
    /// nil without a validator.
    private let checks: BackgroundValue<BuildCheck>?

    /// Loads the catalog and compiles the templates (while a JSON or YAML roster is read and parsed), and starts
    /// making the checks ready.
    public init(_ request: BuildRequest) throws(BuildError) {
        prefetch = RosterPrefetch.of(request.roster)
        let catalogFile = request.templates.appendingPathComponent("catalog.yaml")
        do { catalog = try Catalog.load(from: catalogFile, cache: request.cache) } catch {
            throw .catalog(error)
        }
        do { templates = try TemplateSet(catalog: catalog, directory: request.templates, kinds: request.kinds) } catch {
            throw .templates(error)
        }
        self.request = request
        checks = request.validator.map { [catalog, templates] validator in
            BackgroundValue {
                BuildCheck(catalog: catalog, validator: validator, templates: templates.all, formats: request.formats,
                           cache: request.cache)
            }
        }
    }

    /// Reads the roster and builds everything; returns the summary (also written as summary.json).
    /// With `strict`, a roster with any bad record is refused: nothing is written and the summary says so.
    public func run() throws(BuildError) -> BuildSummary {
        let reader = RosterReader(catalog: catalog, options: request.rosterOptions)
        var source: any RosterSource
        do { source = try reader.open(request.roster, prefetched: prefetch) } catch { throw .roster(error) }
        if request.strict {
            var problems: [RosterProblem] = []
            while let piece = source.next(Self.pieceSize) { problems += piece.problems }
            if problems.contains(where: { $0.severity == .error }) {
                return BuildSummary(problems: problems, skippedLeaders: Self.badRecords(problems), refused: true)
            }
            if let again = source.restarted() {
                source = again
            } else {
                do { source = try reader.open(request.roster) } catch { throw .roster(error) }
            }
        }
        let summary = build(&source)
        BackgroundRelease.release(consume source)
        return summary
    }

    /// How many records of the roster were left out.
    static func badRecords(_ problems: [RosterProblem]) -> Int {
        Set(problems.filter { $0.severity == .error }.compactMap(\.location)).count
    }

    /// How many leaders are read, built and forgotten at a time.
    static let pieceSize = 256
    /// The same when Word copies are made: each piece is one run of the LibreOffice pool, whose start costs
    /// seconds, so the pieces are larger.
    static let wordPieceSize = 2_048

    /// Records what a piece's jobs wrote, with the Word copies of its documents when they are asked for:
    /// each .docx right after the document it was made from, or in its place when that was removed.
    private func record(
        _ jobs: [Job], _ results: [Result<JobOutcome, Error>], of roster: Roster, into batch: inout Batch,
        folder: OutputFolder, stop: FaultLatch, journal: BuildJournal
    ) {
        var written = batch.collect(jobs, results, journal: journal)
        if let word = request.word, stop.fault == nil {
            let copies = WordCopies(options: word).make(from: written.map(\.document), roster: roster, in: folder)
            written = copies.apply(to: written)
            batch.add(copies.problems, journal: journal)
            batch.summary.skippedLeaders += copies.failedOthers
            batch.failed.formUnion(copies.failedLeaders)
            if let fault = copies.fault { stop.set(fault) }
        }
        batch.commit(written, journal: journal)
    }

    /// Builds the documents of an already read roster (see `build(_: inout RosterSource)`).
    public func build(_ roster: Roster) -> BuildSummary {
        var source: any RosterSource = ListedRoster(roster)
        return build(&source)
    }

    /// Builds the documents of a roster, a piece of `pieceSize` leaders at a time: each piece's documents are
    /// rendered, written and checked on all cores, recorded in the journal in roster order, and forgotten, so
    /// memory does not grow with the roster. The output folder is locked for the batch; a `summary.json` (and
    /// journal) left there is removed before any document is written, and the new ones are written at the end,
    /// after one flush of every file to disk, so the summary never lists what is not on disk (the disk is set to
    /// work before the first piece and every `OutputFolder.flushInterval` documents, beside the next ones, so
    /// that flush has little left to wait for). A fault that stops every write (a full disk, a read-only folder)
    /// stops the batch and is reported once, in `faults`.
    public func build(_ source: inout any RosterSource) -> BuildSummary {
        var batch = Batch(summary: BuildSummary(problems: [], skippedLeaders: 0))
        let context = Roster(organization: source.organization, year: source.year, leaders: [])
        let writerKinds = request.rosterDocuments.map(\.kind).filter(request.kinds.contains)
        let folder: OutputFolder
        let journal: BuildJournal
        do {
            folder = try prepareOutput(kinds: Set(request.kinds.filter(templates.hasTemplates) + writerKinds))
            journal = BuildJournal(file: try folder.stream(BuildJournal.name))
        } catch {
            batch.summary.faults = [error]
            return batch.summary
        }
        // What other programs left to be written to this disk is written while the first piece is made: the
        // flush before the summary then waits for this batch's files only.
        folder.startFlush()
        let checks = self.checks?.ready
        let writer = JobWriter(builder: self, roster: context, folder: folder, checks: checks)
        var names = UniqueNames()
        var members = UnitMembers(keeping: request.kinds.contains(.ballot), whole: !writerKinds.isEmpty)
        while writer.stop.fault == nil,
            let piece = source.next(request.word == nil ? Self.pieceSize : Self.wordPieceSize)
        {
            batch.addRecords(piece.problems, journal: journal)
            batch.addUnmade(
                ReportAvailability.problems(piece.leaders, catalog: catalog, kinds: request.kinds),
                journal: journal)
            let jobs = leaderJobs(piece.leaders, names: &names)
            let pieceRoster = Roster(organization: context.organization, year: context.year, leaders: piece.leaders)
            record(
                jobs, writer.run(jobs), of: pieceRoster, into: &batch, folder: folder, stop: writer.stop,
                journal: journal)
            members.add(piece.leaders)
        }
        if let failure = source.failure {
            batch.add([RosterProblem(severity: .error, location: nil, message: failure.description)], journal: journal)
        }
        let roster = Roster(organization: context.organization, year: context.year, leaders: members.all)
        if writer.stop.fault == nil {
            let jobs = ballotJobs(members)
            record(
                jobs, writer.run(jobs), of: roster, into: &batch, folder: folder, stop: writer.stop, journal: journal)
        }
        for writer in request.rosterDocuments where request.kinds.contains(writer.kind) && batch.summary.faults.isEmpty
        {
            do {
                for document in try writer.write(roster, catalog: catalog, into: folder) {
                    batch.summary.count(document)
                    journal.record(document)
                }
            } catch {
                let message = OutputMessages.rosterDocumentNotWritten(writer.kind, error)
                batch.add([RosterProblem(severity: .error, location: nil, message: message)], journal: journal)
                batch.summary.skippedLeaders += 1
            }
        }
        // Steps that work on the written documents (conversions, say) go here, before the batch is flushed to
        // disk and its summary written.
        var summary = batch.finish(fault: writer.stop.fault)
        finish(&summary, journal: journal, in: folder)
        checks?.saveProofs()
        return summary
    }

    /// The name of the batch's account in the output folder.
    public static let summaryName = "summary.json"
    /// The name of the batch's journal (every document, check and problem) in the output folder.
    public static let journalName = BuildJournal.name

    /// Opens and locks the output folder, removes what a previous batch left that would misstate this one
    /// (its summary and journal, temporary files of a run that was killed) and prepares the kinds' folders.
    private func prepareOutput(kinds: Set<DocumentKind>) throws(OutputError) -> OutputFolder {
        let folder = try OutputFolder(request.output)
        try folder.remove(Self.summaryName)
        try folder.remove(BuildJournal.name)
        let names = kinds.map(\.rawValue).sorted()
        for name in names { try folder.prepareFolder(name) }
        try folder.removeAbandonedTemporaries(in: names)
        return folder
    }

    /// A document written, its checks, and their lines in the journal when they were encoded on the worker's
    /// thread (nil: encoded when recorded, as for a Word copy that takes a document's place).
    typealias Written = (document: BuildSummary.Document, check: CheckedDocument?, lines: [[UInt8]]?)

    /// What a job wrote (each format written before a failure is on disk and listed) and why it stopped.
    struct JobOutcome: Sendable {
        var written: [Written] = []
        var error: OutputError?
    }

    /// One document to make: a kind for a leader, or a unit's ballot.
    struct Job: Sendable {
        var kind: DocumentKind
        var leader: Leader?
        var unit: String
        var members: [Leader]
        /// The file name without kind and extension: unique among the batch's leaders.
        var stem: String
    }

    /// The documents of a piece of the roster's leaders.
    func leaderJobs(_ leaders: [Leader], names: inout UniqueNames) -> [Job] {
        var jobs: [Job] = []
        let stems = names.next(leaders.map { "\($0.id)-\($0.name)" })
        for (leader, stem) in zip(leaders, stems) {
            guard let role = catalog.role(named: leader.role) else { continue }
            for kind in DocumentKind.allCases where request.kinds.contains(kind) && kind != .ballot {
                guard templates.template(kind, for: role) != nil else { continue }
                if kind == .report && !ReportAvailability.canMake(leader) { continue }
                jobs.append(Job(kind: kind, leader: leader, unit: leader.unit, members: [], stem: stem))
            }
        }
        return jobs
    }

    /// A ballot for every unit, its leaders in roster order.
    func ballotJobs(_ members: UnitMembers) -> [Job] {
        members.units.enumerated().map { index, unit in
            let stem = OutputFiles.safeName(String(format: "%02d", index + 1) + "-\(unit.name)",
                                            limit: OutputFiles.maximumStemLength)
            return Job(kind: .ballot, leader: nil, unit: unit.name, members: unit.leaders, stem: stem)
        }
    }

    /// Renders one job in every requested format, writes the files and checks them, up to the first failure.
    fileprivate func write(_ job: Job, roster: Roster, roles: [String: RoleData], into folder: OutputFolder,
                           checks: BuildCheck?) -> JobOutcome {
        let (template, data, meta, base) = prepare(job, roster: roster, roles: roles)
        let role = job.leader.flatMap { catalog.role(named: $0.role) }
        var outcome = JobOutcome()
        for format in request.formats {
            let rendering = checks?.render(template, data: data, meta: meta, format: format, kind: job.kind)
                ?? CompiledTemplate.Rendering(bytes: template.render(data, meta: meta, format: format), shape: [])
            let relative = "\(job.kind.rawValue)/\(base).\(format.fileExtension)"
            do { try folder.write(rendering.bytes, to: relative, durable: false) } catch {
                outcome.error = error
                break
            }
            let digest = BuiltDocument.digest(rendering.bytes)
            let document = BuildSummary.Document(leader: job.leader?.id, unit: job.unit, kind: job.kind,
                                                 path: relative, sha256: digest)
            let check = checks?.check(rendering, template: template, format: format, kind: job.kind,
                                      leader: job.leader, role: role, path: relative)
            outcome.written.append((document, check, BuildJournal.lines(document, check)))
        }
        return outcome
    }

    private func prepare(_ job: Job, roster: Roster, roles: [String: RoleData])
        -> (CompiledTemplate, Value, DocumentMeta, String)
    {
        if let leader = job.leader, let role = catalog.role(named: leader.role),
            let template = templates.template(job.kind, for: role), let shared = roles[role.name]
        {
            let base = "\(job.stem)-\(job.kind.chineseName)"
            return (
                template,
                DocumentData.leader(leader, role: role, shared: shared, roster: roster, names: template.names),
                DocumentData.meta(job.kind, leader: leader, roster: roster), base
            )
        }
        let base = "\(job.stem)-\(DocumentKind.ballot.chineseName)"
        return (
            templates.ballotTemplate(catalog: catalog)!,
            DocumentData.ballot(unit: job.unit, leaders: job.members, roster: roster),
            DocumentData.ballotMeta(unit: job.unit, roster: roster), base
        )
    }

    /// Flushes every file of the batch to disk, commits the journal, then writes `summary.json` (atomically);
    /// a failure is added to the faults.
    private func finish(_ summary: inout BuildSummary, journal: BuildJournal, in folder: OutputFolder) {
        folder.synchronize()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            summary.journalSHA256 = try journal.file.commit()
            summary.journal = folder.url.appendingPathComponent(BuildJournal.name)
            try folder.write(Array(try encoder.encode(summary)) + [0x0A], to: Self.summaryName)
            folder.synchronize()
        } catch let error as OutputError {
            summary.faults.append(.summaryNotWritten(folder.path(Self.summaryName), cause: error))
        } catch {
            preconditionFailure("the summary is always encodable: \(error)")
        }
    }
}

/// The jobs of a batch run on all cores, each writing its documents into the batch's folder, until a fault
/// stops every write.
private struct JobWriter {
    let builder: BatchBuilder
    let roster: Roster
    let folder: OutputFolder
    let checks: BuildCheck?
    let stop = FaultLatch()
    /// What each role gives its leaders' documents, made once for the batch.
    let roles: [String: RoleData]

    init(builder: BatchBuilder, roster: Roster, folder: OutputFolder, checks: BuildCheck?) {
        self.builder = builder
        self.roster = roster
        self.folder = folder
        self.checks = checks
        roles = RoleData.all(builder.catalog, organization: roster.organization)
    }

    func run(_ jobs: [BatchBuilder.Job]) -> [Result<BatchBuilder.JobOutcome, Error>] {
        ParallelMap.run(jobs) { job -> BatchBuilder.JobOutcome in
            guard stop.fault == nil else { return BatchBuilder.JobOutcome() }
            let outcome = builder.write(job, roster: roster, roles: roles, into: folder, checks: checks)
            if let error = outcome.error, error.stopsBatch { stop.set(error) }
            return outcome
        }
    }
}

/// The account of a batch while it runs: counts and problems in memory, every document, check and problem
/// in the journal.
private struct Batch {
    var summary: BuildSummary
    var failed = Set<String>()

    mutating func add(_ problems: [RosterProblem], journal: BuildJournal) {
        summary.problems += problems
        for problem in problems { journal.record(problem) }
    }

    /// Problems of the roster's records: each record with an error is left out.
    mutating func addRecords(_ problems: [RosterProblem], journal: BuildJournal) {
        add(problems, journal: journal)
        summary.skippedLeaders += BatchBuilder.badRecords(problems)
    }

    /// Leaders whose documents cannot be made (an error leaves the leader not built).
    mutating func addUnmade(_ problems: [RosterProblem], journal: BuildJournal) {
        add(problems, journal: journal)
        failed.formUnion(problems.filter { $0.severity == .error }.compactMap(\.leader))
    }

    /// What the jobs wrote, in job order; the problems of the jobs that failed are recorded.
    mutating func collect(_ jobs: [BatchBuilder.Job], _ results: [Result<BatchBuilder.JobOutcome, Error>],
                          journal: BuildJournal) -> [BatchBuilder.Written] {
        var written: [BatchBuilder.Written] = []
        for (job, result) in zip(jobs, results) {
            guard case .success(let outcome) = result else { continue }
            written += outcome.written
            guard let error = outcome.error, !error.stopsBatch else { continue }
            add([RosterProblem(severity: .error, location: job.leader?.location, leader: job.leader?.id,
                               message: OutputMessages.notWritten(job.kind, error))], journal: journal)
            if let id = job.leader?.id { failed.insert(id) }
        }
        return written
    }

    /// Counts the documents written and their checks, and records them in the journal, in order.
    mutating func commit(_ written: [BatchBuilder.Written], journal: BuildJournal) {
        for (document, check, lines) in written {
            summary.count(document)
            if let check, !check.findings.isEmpty { summary.count(check) }
            journal.record(lines: lines ?? BuildJournal.lines(document, check))
        }
    }

    func finish(fault: OutputError?) -> BuildSummary {
        var summary = self.summary
        summary.skippedLeaders += failed.count
        if let fault { summary.faults = [fault] }
        return summary
    }
}
