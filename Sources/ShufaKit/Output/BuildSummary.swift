/// What a build wrote and what went wrong: `summary.json`.
public struct BuildSummary: Sendable, Encodable {
    /// One document written.
    public struct Document: Sendable, Encodable, Equatable {
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

    public var documents: [Document]
    /// The findings of the checks run on the documents written (only documents with findings).
    public var checks: [CheckedDocument]
    public var problems: [RosterProblem]
    /// Leaders whose documents could not all be made.
    public var skippedLeaders: Int
    /// True when `--strict` refused the batch because of bad records: nothing was written.
    public var refused: Bool = false
    /// What stopped the batch (a full disk, an output folder that cannot be written), reported once, and
    /// a `summary.json` that could not be written; listed among the problems of `summary.json`.
    public var faults: [OutputError] = []

    enum CodingKeys: String, CodingKey { case documents, checks, problems }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(documents, forKey: .documents)
        try container.encode(checks, forKey: .checks)
        let stops = faults.map {
            RosterProblem(severity: .error, location: nil, leader: nil, field: nil, message: $0.description)
        }
        try container.encode(problems + stops, forKey: .problems)
    }
}
