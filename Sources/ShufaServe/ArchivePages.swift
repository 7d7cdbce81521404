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

/// Search results.
struct SearchPage {
    var frame: PageFrame
    var query: String
    var year: String
    var searched: Bool
    var total: Int
    var hits: [Hit]
    var error: String
    var hasError: Bool

    struct Hit {
        var year: Int
        var unit: String
        var name: String
        var leader: String
        var leaderPath: String
        var kind: String
        var format: String
        var origin: String
        var verdict: String
        var grade: String
        var snippet: String
        var href: String
        var original: String
    }

    init(desk: Desk, signed: Signed, parameters: Hummingbird.Parameters) throws {
        frame = PageFrame(title: "查找档案", signed: signed, current: "/archive/search")
        query = parameters.get("q") ?? ""
        year = parameters.get("year") ?? ""
        searched = !query.trimmingCharacters(in: .whitespaces).isEmpty || !year.isEmpty
        total = 0
        hits = []
        error = ""
        hasError = false
        guard searched else { return }
        let search = SearchQuery(query, year: Int(year))
        do {
            let result = try ArchiveSearch(archive: desk.archive).find(search)
            total = result.total
            hits = result.documents.map(Self.hit)
        } catch {
            self.error = ArchiveMessages.text(error)
            hasError = true
        }
    }

    private static func hit(_ hit: SearchHit) -> Hit {
        let name = hit.original.isEmpty ? "\(hit.sha256.prefix(12)).\(hit.format)" : hit.original
        return Hit(
            year: hit.year, unit: hit.unit, name: hit.name, leader: hit.leader, leaderPath: ReviewList.path(hit.leader),
            kind: KindNames.chinese(hit.kind), format: hit.format,
            origin: DocumentOrigin(rawValue: hit.origin)?.chineseName ?? hit.origin,
            verdict: hit.verdict.flatMap(Verdict.init(rawValue:))?.chineseName ?? "", grade: hit.grade ?? "",
            snippet: hit.snippet ?? "",
            href: "/archive/file/\(hit.sha256)?name="
                + (name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""),
            original: name)
    }
}

/// A leader's trail on its own page.
struct TrailPage {
    var frame: PageFrame
    var trail: [TrailView]
}

/// The export form.
struct ExportPage {
    var frame: PageFrame
    var year: String
}
