import ShufaCatalog

/// The findings of one document.
public struct CheckedDocument: Sendable, Codable, Equatable {
    public var path: String
    /// The role the checks used; nil when it could not be known.
    public var role: String?
    /// The report's form; nil for documents that are not reports (forms, ballots…).
    public var form: ReportForm?
    /// Where the 述法 part stands; nil for documents that are not reports.
    public var lawPart: LawPlacement?
    public var findings: [Finding]

    public init(path: String, role: String?, form: ReportForm? = nil, lawPart: LawPlacement? = nil,
                findings: [Finding]) {
        (self.path, self.role, self.form, self.lawPart, self.findings) = (path, role, form, lawPart, findings)
    }

    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}
