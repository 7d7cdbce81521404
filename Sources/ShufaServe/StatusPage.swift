import Hummingbird
import ShufaArchive

/// The status table per unit, with the form for 报送 and 归档.
struct StatusPage {
    var frame: PageFrame
    var hasReport: Bool
    var year: Int
    var rows: [Row]
    var leaders: [Choice]
    var notice: String
    var hasNotice: Bool
    var refusal: String
    var hasRefusal: Bool

    struct Row {
        var unit: String
        var leaders: Int
        var draftsOut: Int
        var returned: Int
        var passing: Int
        var reviewed: Int
        var submitted: Int
        var archived: Int
        var grades: String
        var total: Bool

        init(_ status: UnitStatus, total: Bool) {
            unit = status.unit
            leaders = status.leaders
            draftsOut = status.draftsOut
            returned = status.returned
            passing = status.passing
            reviewed = status.reviewed
            submitted = status.submitted
            archived = status.archived
            grades = status.grades.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "，")
            self.total = total
        }
    }

    struct Choice {
        var value: String
        var label: String
    }

    init(frame: PageFrame, report: StatusReport?, leaders: [LeaderEntry], notice: String?, refusal: String?) {
        self.frame = frame
        hasReport = report != nil
        year = report?.year ?? 0
        rows = report.map { $0.units.map { Row($0, total: false) } + [Row($0.total, total: true)] } ?? []
        self.leaders = leaders.map { Choice(value: $0.id, label: "\($0.id) \($0.name)（\($0.unit)）") }
        self.notice = notice ?? ""
        hasNotice = notice != nil
        self.refusal = refusal ?? ""
        hasRefusal = refusal != nil
    }
}
