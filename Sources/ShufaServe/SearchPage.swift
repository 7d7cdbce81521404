import Hummingbird
import ShufaArchive

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
