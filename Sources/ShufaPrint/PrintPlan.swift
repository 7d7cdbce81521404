import Foundation
import ShufaCatalog
import ShufaOutput

/// The documents of a build in print order: by kind, then by unit (in roster order), then by leader
/// (in roster order). When a document was built both as .fodt and .odt, the .fodt is printed.
package enum PrintPlan {
    static func items(_ documents: [BuildSummary.Document], build: URL) -> [PrintItem] {
        var unitRank: [String: Int] = [:], leaderRank: [String: Int] = [:]
        for document in documents {
            if unitRank[document.unit] == nil { unitRank[document.unit] = unitRank.count }
            if let leader = document.leader, leaderRank[leader] == nil { leaderRank[leader] = leaderRank.count }
        }
        var chosen: [String: BuildSummary.Document] = [:]
        for document in documents where document.path.hasSuffix(".fodt") || document.path.hasSuffix(".odt") {
            let key = stem(document.path)
            if chosen[key] == nil || document.path.hasSuffix(".fodt") { chosen[key] = document }
        }
        let kindRank = Dictionary(uniqueKeysWithValues: DocumentKind.allCases.enumerated().map { ($1, $0) })
        let ordered = chosen.values.sorted { a, b in
            let left = (kindRank[a.kind] ?? 0, unitRank[a.unit] ?? 0, a.leader.flatMap { leaderRank[$0] } ?? -1)
            let right = (kindRank[b.kind] ?? 0, unitRank[b.unit] ?? 0, b.leader.flatMap { leaderRank[$0] } ?? -1)
            return left != right ? left < right : a.path < b.path
        }
        return ordered.map { PrintItem(document: $0, build: build, path: stem($0.path) + ".pdf") }
    }

    private static func stem(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path }
        return String(path[..<dot])
    }
}
