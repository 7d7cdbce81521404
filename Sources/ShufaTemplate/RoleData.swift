import ShufaCatalog

/// What a leader's documents take from their role alone (述法要点, 职责清单 and its table rows, the blank lines
/// of the 考核评议表), the catalog's place markers replaced by the roster's place names: the same for every
/// leader of the role in a batch, so made once per role and batch rather than once per document.
public struct RoleData: Sendable {
    let points: Value
    let duties: Value
    let taskRows: Value
    let taskListTitle: Value
    let formBlanks: Value
    /// The county level (县, 区, 市, 旗) the name line uses.
    let level: String

    public init(_ role: Role, organization: String) {
        let terms = role.locality.terms(for: organization)
        let local = { (text: String) in Value.text(Locality.apply(terms, to: text)) }
        let points = role.points.enumerated().map { index, point in
            Value.record(["序号": .text(String(index + 1)), "标题": .text(point.title), "内容": local(point.text)])
        }
        self.points = .list(points)
        duties = .list((role.taskList?.duties ?? []).map { duty in
            Value.record(["序号": .text(duty.number), "职责": local(duty.text),
                          "任务": .list(duty.tasks.map { .record(["序号": .text($0.number), "内容": local($0.text)]) })])
        })
        taskRows = .list(DocumentData.taskRows(role.taskList, terms: terms))
        taskListTitle = local(role.taskList?.title ?? "")
        formBlanks = .list(Array(repeating: .record([:]), count: max(0, DocumentData.formRows - points.count)))
        level = terms["县"] ?? ""
    }

    /// The data of every role of the catalog for a roster of `organization`, by role name.
    package static func all(_ catalog: Catalog, organization: String) -> [String: RoleData] {
        Dictionary(catalog.roles.map { ($0.name, RoleData($0, organization: organization)) }) { first, _ in first }
    }
}
