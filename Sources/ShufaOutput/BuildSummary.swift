import Foundation
import ShufaCatalog
import ShufaChecks
import ShufaRoster
import ShufaSystem

/// What a build wrote and what went wrong. `summary.json` is its compact form (counts, problems, the
/// journal's name and SHA-256); every document, check and problem is in the journal (`BuildJournal`),
/// written as the batch goes, so neither the summary nor the builder holds the whole batch.
public struct BuildSummary: Sendable, Encodable {
    /// One document written.
    public struct Document: Sendable, Codable, Equatable {
        /// The leader's id; nil for a unit's ballot.
        public var leader: String?
        public var unit: String
        public var kind: DocumentKind
        /// Path relative to the output folder, with `/`.
        public var path: String
        public var sha256: String

        public init(leader: String?, unit: String, kind: DocumentKind, path: String, sha256: String) {
            self.leader = leader
            self.unit = unit
            self.kind = kind
            self.path = path
            self.sha256 = sha256
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(leader, forKey: .leader)
            try container.encode(unit, forKey: .unit)
            try container.encode(kind, forKey: .kind)
            try container.encode(path, forKey: .path)
            try container.encode(sha256, forKey: .sha256)
        }

        enum CodingKeys: String, CodingKey { case leader, unit, kind, path, sha256 }
    }

    /// How many documents of each kind were written.
    public var counts: [DocumentKind: Int] = [:]
    /// How many documents the checks found something in, and the findings by severity.
    public var checkedWithFindings = 0
    public var findings: [Finding.Severity: Int] = [:]
    public var problems: [RosterProblem]
    /// Leaders whose documents could not all be made.
    public var skippedLeaders: Int
    /// True when `--strict` refused the batch because of bad records: nothing was written.
    public var refused: Bool = false
    /// What stopped the batch (a full disk, an output folder that cannot be written), reported once, and
    /// a `summary.json` that could not be written; listed among the problems of `summary.json`.
    public var faults: [OutputError] = []
    /// The journal of the batch (nil when none was written) and its SHA-256.
    public var journal: URL?
    public var journalSHA256: String?

    public init(problems: [RosterProblem], skippedLeaders: Int, refused: Bool = false) {
        self.problems = problems
        self.skippedLeaders = skippedLeaders
        self.refused = refused
    }

    /// Every document written, read from the journal.
    public var documents: [Document] { journal.map { BuildJournal.read($0).documents } ?? [] }
    /// The checks that found something, read from the journal.
    public var checks: [CheckedDocument] { journal.map { BuildJournal.read($0).checks } ?? [] }
    /// How many documents were written.
    public var documentCount: Int { counts.values.reduce(0, +) }

    mutating func count(_ document: Document) { counts[document.kind, default: 0] += 1 }

    mutating func count(_ check: CheckedDocument) {
        guard !check.findings.isEmpty else { return }
        checkedWithFindings += 1
        for finding in check.findings { findings[finding.severity, default: 0] += 1 }
    }

    enum CodingKeys: String, CodingKey { case counts, checks, journal, journalSHA256, problems, skippedLeaders }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let kinds = counts.map { ($0.key.rawValue, $0.value) }
        try container.encode(Dictionary(uniqueKeysWithValues: kinds), forKey: .counts)
        var checks = ["documents": checkedWithFindings]
        for severity in [Finding.Severity.error, .warning, .info] {
            checks[severity.rawValue] = findings[severity] ?? 0
        }
        try container.encode(checks, forKey: .checks)
        try container.encodeIfPresent(journal?.lastPathComponent, forKey: .journal)
        try container.encodeIfPresent(journalSHA256, forKey: .journalSHA256)
        let stops = faults.map {
            RosterProblem(severity: .error, location: nil, message: $0.description)
        }
        try container.encode(problems + stops, forKey: .problems)
        try container.encode(skippedLeaders, forKey: .skippedLeaders)
    }
}
