/// A reporting role (述法主体类别) resolved to its content.
public struct Role: Sendable, Equatable {
    public var name: String
    /// The 述法内容 points the role reports on.
    public var points: [DutyPoint]
    /// The 职责清单, for the roles of seed 000.
    public var taskList: TaskList?
    /// Yearly minimums the role's indicators must reach.
    public var minimums: [Minimum]
    /// Which template file each document kind uses for this role.
    public var templates: [DocumentKind: String]
    /// A note on where the role's content comes from (e.g. 参照).
    public var note: String?
    /// The place names and levels its texts' markers (`{县委}`, `{本地}` …) become.
    public var locality: Locality
}
