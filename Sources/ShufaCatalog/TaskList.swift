/// A 第一责任人职责清单: seed 000's lists, or one built from a role's 述法内容 points (seed 004 三).
public struct TaskList: Sendable, Equatable {
    public var title: String
    public var source: String
    public var duties: [Duty]
}
