import Crypto
import Foundation

/// What to build.
public struct BuildRequest: Sendable {
    public var roster: URL
    public var templates: URL
    public var output: URL
    public var formats: [OutputFormat]
    public var kinds: Set<DocumentKind>
    /// When set, every document written is checked (reports with every rule, the others against the
    /// schema) and the findings go into the summary.
    public var validator: ODFValidator?
    /// How to read the roster (encoding of CSV/TSV, sheet of a spreadsheet).
    public var rosterOptions: RosterReadOptions
    /// Refuse the whole batch, writing nothing, when any roster record is bad.
    public var strict: Bool
    /// Documents made from the whole roster by later stages of the pipeline (the tally's entry workbook),
    /// written when `kinds` holds their kind.
    public var rosterDocuments: [any RosterDocumentWriter] = []
    /// Word copies (.docx) of the documents, made from the ODF documents once the batch is written; none
    /// when nil.
    public var word: WordOptions?

    public init(roster: URL, templates: URL, output: URL, formats: [OutputFormat] = [.fodt],
                kinds: Set<DocumentKind> = Set(DocumentKind.allCases), validator: ODFValidator? = nil,
                rosterOptions: RosterReadOptions = RosterReadOptions(), strict: Bool = false) {
        self.roster = roster
        self.templates = templates
        self.output = output
        self.formats = formats
        self.kinds = kinds
        self.validator = validator
        self.rosterOptions = rosterOptions
        self.strict = strict
    }
}

/// Writes documents made from the whole roster (not per leader or unit), e.g. the tally's entry workbook;
/// given to a build by a later stage of the pipeline, so ShufaKit need not know it.
public protocol RosterDocumentWriter: Sendable {
    /// The kind of the documents written; they are made when the build's kinds include it.
    var kind: DocumentKind { get }
    /// Writes the documents into the batch's output folder (paths under the kind's folder) and returns them
    /// for `summary.json`.
    func write(_ roster: Roster, catalog: Catalog, into folder: OutputFolder) throws -> [BuildSummary.Document]
}

/// Why nothing could be built.
public enum BuildError: Error, Sendable, CustomStringConvertible {
    case catalog(CatalogError)
    case templates(TemplateErrors)
    case roster(RosterError)

    public var description: String {
        switch self {
        case .catalog(let error): return "模板目录 \(error)；改正后再运行，未写出任何文件"
        case .templates(let errors): return "templates have errors; nothing was written:\n" + errors.errors.map { "  \($0)" }.joined(separator: "\n")
        case .roster(let error): return "roster: \(error)"
        }
    }
}

/// Builds every document of a roster: reads the catalog and templates once, then renders and writes
/// each leader's documents (in parallel), and the summary.
public struct BatchBuilder: Sendable {
    public let catalog: Catalog
    public let templates: TemplateSet
    public let request: BuildRequest

    /// Loads the catalog and compiles the templates.
    public init(_ request: BuildRequest) throws(BuildError) {
        do { catalog = try Catalog.load(from: request.templates.appendingPathComponent("catalog.yaml")) } catch { throw .catalog(error) }
        do { templates = try TemplateSet(catalog: catalog, directory: request.templates, kinds: request.kinds) } catch { throw .templates(error) }
        self.request = request
    }

    /// Reads the roster and builds everything; returns the summary (also written as summary.json).
    /// With `strict`, a roster with any bad record is refused: nothing is written and the summary says so.
    public func run() throws(BuildError) -> BuildSummary {
        let roster: Roster
        do { roster = try RosterReader(catalog: catalog, options: request.rosterOptions).read(request.roster) } catch { throw .roster(error) }
        if request.strict && roster.problems.contains(where: { $0.severity == .error }) {
            return BuildSummary(documents: [], checks: [], problems: roster.problems, skippedLeaders: Self.badRecords(roster), refused: true)
        }
        return build(roster)
    }

    /// How many records of the roster were left out.
    static func badRecords(_ roster: Roster) -> Int {
        Set(roster.problems.filter { $0.severity == .error }.compactMap(\.location)).count
    }

    /// Builds the documents of an already read roster. The output folder is locked for the batch; a
    /// `summary.json` left there is removed before any document is written, and the new one is written
    /// (atomically) at the end, so it never lists what is not on disk. A fault that stops every write
    /// (a full disk, a read-only folder) stops the batch and is reported once, in `faults`.
    public func build(_ roster: Roster) -> BuildSummary {
        let jobs = self.jobs(for: roster)
        var summary = BuildSummary(documents: [], checks: [], problems: roster.problems,
                                   skippedLeaders: Self.badRecords(roster))
        let folder: OutputFolder
        let writerKinds = request.rosterDocuments.map(\.kind).filter(request.kinds.contains)
        do { folder = try prepareOutput(kinds: Set(jobs.map(\.kind) + writerKinds)) } catch {
            summary.faults = [error]
            return summary
        }
        let stop = FaultLatch()
        let results = ParallelMap.run(jobs) { job -> JobOutcome in
            guard stop.fault == nil else { return JobOutcome() }
            let outcome = write(job, roster: roster, into: folder)
            if let error = outcome.error, error.stopsBatch { stop.set(error) }
            return outcome
        }
        let unmade = ReportAvailability.problems(roster, catalog: catalog, kinds: request.kinds)
        summary.problems += unmade
        var failed = Set(unmade.filter { $0.severity == .error }.compactMap(\.leader))
        for (job, result) in zip(jobs, results) {
            guard case .success(let outcome) = result else { continue }
            summary.documents += outcome.written.map { $0.document }
            summary.checks += outcome.written.compactMap { $0.check }.filter { !$0.findings.isEmpty }
            guard let error = outcome.error, !error.stopsBatch else { continue }
            summary.problems.append(RosterProblem(severity: .error, location: job.leader?.location,
                                                  leader: job.leader?.id, field: nil,
                                                  message: "\(job.kind.chineseName)：\(error)"))
            if let id = job.leader?.id { failed.insert(id) }
        }
        if let word = request.word, stop.fault == nil {
            WordCopies(options: word).make(from: summary.documents, roster: roster, in: folder)
                .apply(to: &summary, failed: &failed, stop: stop)
        }
        for writer in request.rosterDocuments where request.kinds.contains(writer.kind) && stop.fault == nil {
            do { summary.documents += try writer.write(roster, catalog: catalog, into: folder) } catch {
                summary.problems.append(RosterProblem(severity: .error, location: nil, leader: nil, field: nil,
                                                      message: "未能写出\(writer.kind.chineseName)文件：\(error)"))
                summary.skippedLeaders += 1
            }
        }
        summary.skippedLeaders += failed.count
        if let fault = stop.fault { summary.faults = [fault] }
        writeSummary(&summary, into: folder)
        return summary
    }

    /// The name of the batch's account in the output folder.
    public static let summaryName = "summary.json"

    /// Opens and locks the output folder, removes what a previous batch left that would misstate this one
    /// (its summary, temporary files of a run that was killed) and prepares the kinds' folders.
    private func prepareOutput(kinds: Set<DocumentKind>) throws(OutputError) -> OutputFolder {
        let folder = try OutputFolder(request.output)
        try folder.remove(Self.summaryName)
        let names = kinds.map(\.rawValue).sorted()
        for name in names { try folder.prepareFolder(name) }
        try folder.removeAbandonedTemporaries(in: names)
        return folder
    }

    /// A document written and its checks.
    typealias Written = (document: BuildSummary.Document, check: CheckedDocument?)

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
        var unitIndex: Int
        var members: [Leader]
        /// The file name without kind and extension: unique among the batch's leaders.
        var stem: String
    }

    func jobs(for roster: Roster) -> [Job] {
        var jobs: [Job] = []
        let stems = OutputFiles.uniqueNames(roster.leaders.map { "\($0.id)-\($0.name)" })
        for (leader, stem) in zip(roster.leaders, stems) {
            guard let role = catalog.role(named: leader.role) else { continue }
            for kind in DocumentKind.allCases where request.kinds.contains(kind) && kind != .ballot {
                guard templates.template(kind, for: role) != nil else { continue }
                if kind == .report && !ReportAvailability.canMake(leader) { continue }
                jobs.append(Job(kind: kind, leader: leader, unit: leader.unit, unitIndex: 0, members: [], stem: stem))
            }
        }
        if request.kinds.contains(.ballot) {
            var units: [String] = []
            var members: [String: [Leader]] = [:]
            for leader in roster.leaders {
                if members[leader.unit] == nil { units.append(leader.unit) }
                members[leader.unit, default: []].append(leader)
            }
            for (index, unit) in units.enumerated() {
                let stem = OutputFiles.safeName(String(format: "%02d", index + 1) + "-\(unit)", limit: OutputFiles.maximumStemLength)
                jobs.append(Job(kind: .ballot, leader: nil, unit: unit, unitIndex: index + 1, members: members[unit]!, stem: stem))
            }
        }
        return jobs
    }

    /// Renders one job in every requested format, writes the files and checks them, up to the first failure.
    private func write(_ job: Job, roster: Roster, into folder: OutputFolder) -> JobOutcome {
        let (template, data, meta, base) = prepare(job, roster: roster)
        var outcome = JobOutcome()
        for format in request.formats {
            let bytes = template.render(data, meta: meta, format: format)
            let relative = "\(job.kind.rawValue)/\(base).\(format.fileExtension)"
            do { try folder.write(bytes, to: relative) } catch {
                outcome.error = error
                break
            }
            let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            let document = BuildSummary.Document(leader: job.leader?.id, unit: job.unit, kind: job.kind, path: relative, sha256: digest)
            outcome.written.append((document, check(bytes, job: job, path: relative)))
        }
        return outcome
    }

    /// The checks of a document just written: every rule for a report, the schema for the others,
    /// and the roster's indicator minimums on the leader's draft.
    private func check(_ bytes: [UInt8], job: Job, path: String) -> CheckedDocument? {
        guard let validator = request.validator else { return nil }
        let parts: ODFParts
        do { parts = try ODFParts.read(Data(bytes), file: path) } catch {
            return CheckedDocument(path: path, role: job.leader?.role, findings: [Self.unreadable(error.message)])
        }
        let checker = ReportChecker(catalog: catalog, validator: validator)
        let role = job.leader.flatMap { catalog.role(named: $0.role) }
        if job.kind == .report {
            do {
                var checked = try checker.check(parts, path: path)
                if let leader = job.leader, let role { checked.findings += MinimumCheck.findings(leader, role: role) }
                return checked
            } catch {
                return CheckedDocument(path: path, role: role?.name, findings: [Self.unreadable("\(error)")])
            }
        }
        var findings = checker.schemaFindings(parts, strict: true)
        if job.kind == .draft, let leader = job.leader, let role { findings += MinimumCheck.findings(leader, role: role) }
        return CheckedDocument(path: path, role: role?.name, findings: findings)
    }

    /// The finding for a document written but not readable back: it is not left unchecked silently.
    private static func unreadable(_ reason: String) -> Finding {
        Finding(rule: .schema, severity: .error, message: "写出的文档无法读回检查：\(reason)", location: "整个文档")
    }

    private func prepare(_ job: Job, roster: Roster) -> (CompiledTemplate, Value, DocumentMeta, String) {
        if let leader = job.leader, let role = catalog.role(named: leader.role), let template = templates.template(job.kind, for: role) {
            let base = "\(job.stem)-\(job.kind.chineseName)"
            return (template, DocumentData.leader(leader, role: role, roster: roster), DocumentData.meta(job.kind, leader: leader, roster: roster), base)
        }
        let base = "\(job.stem)-\(DocumentKind.ballot.chineseName)"
        return (templates.ballotTemplate(catalog: catalog)!, DocumentData.ballot(unit: job.unit, leaders: job.members, roster: roster),
                DocumentData.ballotMeta(unit: job.unit, roster: roster), base)
    }

    /// Writes `summary.json` once the documents it lists are on disk; a failure is added to the faults.
    private func writeSummary(_ summary: inout BuildSummary, into folder: OutputFolder) {
        folder.synchronize()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try folder.write(Array(try encoder.encode(summary)) + [0x0A], to: Self.summaryName)
            folder.synchronize()
        } catch let error as OutputError {
            summary.faults.append(.summaryNotWritten(folder.path(Self.summaryName), cause: error))
        } catch {
            preconditionFailure("the summary is always encodable: \(error)")
        }
    }
}

/// The first fault that stops a batch, set by whichever job meets it (thread-safe).
final class FaultLatch: @unchecked Sendable {
    private let lock = NSLock()
    private var first: OutputError?

    var fault: OutputError? { lock.withLock { first } }

    func set(_ fault: OutputError) { lock.withLock { if first == nil { first = fault } } }
}

/// Maps over items on all cores, keeping the order of results.
enum ParallelMap {
    static func run<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) throws -> R) -> [Result<R, Error>] {
        let results = ResultBox<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, Result { try body(items[index]) })
        }
        return results.values
    }

    private final class ResultBox<R>: @unchecked Sendable {
        private var storage: [Result<R, Error>?]
        private let lock = NSLock()
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: Result<R, Error>) { lock.withLock { storage[index] = value } }
        var values: [Result<R, Error>] { storage.map { $0! } }
    }
}
