import Foundation
import GRDB

/// Reads a tally's result, `shufa tally --json` (issue 13's contract:
/// `{"leaders":[{"leader","series","composite","grade","rule"}…],"series":[…],"problems":[…]}`), for the
/// grade of each leader. Its year is its `year` key, `--year`, or the one year in which the archive
/// knows most of its leaders.
struct TallyReader {
    let options: CollectOptions
    let archive: DocumentArchive?

    struct Result: Decodable {
        struct Entry: Decodable {
            var leader: String
            var series: String?
            var composite: Double?
            var grade: String?
            var rule: String?
        }
        var year: Int?
        var leaders: [Entry]
    }

    /// True when `data` has the shape of a tally result.
    static func recognises(_ data: Data) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let leaders = object["leaders"] as? [[String: Any]]
        else { return false }
        return leaders.allSatisfy { $0["leader"] is String && ($0["grade"] != nil || $0["composite"] != nil) }
    }

    /// Reads the tally at `file`; `seen` are the leaders of the documents archived with it.
    func read(_ file: URL, data: Data, seen: [LeaderInfo]) -> CollectedInputs {
        let name = file.lastPathComponent
        let tally: Result
        do { tally = try JSONDecoder().decode(Result.self, from: data) } catch {
            return CollectedInputs(problems: [.badListing(file: name, reason: ListingReason.of(error))])
        }
        let ids = tally.leaders.map(\.leader)
        guard let year = tally.year ?? options.year ?? knownYear(of: ids, seen: seen) else {
            return CollectedInputs(problems: [.noYear(file: name)])
        }
        var inputs = CollectedInputs()
        inputs.grades = tally.leaders.map { entry in
            LeaderGrade(
                year: year, leader: entry.leader, series: entry.series, composite: entry.composite, grade: entry.grade,
                rule: entry.rule, file: name)
        }
        inputs.addAccount(file, original: name, year: year, kind: "tally", format: "json", origin: .tally)
        return inputs
    }

    /// The year in which the archive (and the documents archived with the tally) know the most of these
    /// leaders, when one year stands out.
    private func knownYear(of ids: [String], seen: [LeaderInfo]) -> Int? {
        let wanted = Set(ids)
        var known = Dictionary(grouping: seen.filter { wanted.contains($0.id) }, by: \.year).mapValues {
            Set($0.map(\.id))
        }
        let rows =
            (try? archive?.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT year, id FROM leader l
                        WHERE id IN (SELECT value FROM json_each(?)) AND \(LeaderLookup.known)
                        """, arguments: [Self.jsonArray(ids)])
            }) ?? []
        for row in rows { known[row["year"] as Int, default: []].insert(row["id"]) }
        let counts = known.mapValues(\.count).sorted { $0.value > $1.value }
        guard let best = counts.first, counts.dropFirst().first?.value != best.value else { return nil }
        return best.key
    }

    static func jsonArray(_ values: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(values)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
