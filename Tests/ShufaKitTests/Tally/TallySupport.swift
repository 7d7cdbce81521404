import Foundation
import ShufaKit
@testable import ShufaTally

/// The tally's rules, the sample roster, and entry tables written as CSV for the tests.
enum TallyFixture {
    /// `directory` as a batch's output folder, with its `tally/` folder ready.
    static func outputFolder(_ directory: URL) throws -> OutputFolder {
        let folder = try OutputFolder(directory)
        try folder.prepareFolder(DocumentKind.tally.rawValue)
        return folder
    }

    static let rules: TallyRules = {
        do {
            return try TallyRules.load(
                from: Repo.templates.appendingPathComponent("catalog.yaml"), catalog: Repo.catalog)
        } catch {
            fatalError("\(error)")
        }
    }()

    static let roster: Roster = {
        do { return try RosterReader(catalog: Repo.catalog).read(Repo.roster) } catch { fatalError("\(error)") }
    }()

    /// One row of an entry table.
    struct Row {
        var id: String
        var subject: String
        /// 应到, 实到, 发出, 收回, 优秀, 良好, 一般, 较差, 弃权, 废票.
        var counts: [Int]
        var special: String = ""
        var veto: String = ""
    }

    static let header =
        ["编号", "评价主体"] + EntryColumns.counts(grades: rules.grades) + [rules.special.name, EntryColumns.veto]

    /// The rows as a CSV entry table (header in row 1).
    static func csv(_ rows: [Row]) -> Data {
        let lines = [header] + rows.map { [$0.id, $0.subject] + $0.counts.map(String.init) + [$0.special, $0.veto] }
        return Data(lines.map { $0.joined(separator: ",") }.joined(separator: "\n").utf8)
    }

    /// A good 测评: 30 expected, 28 present and issued, all returned.
    static func good(_ id: String, _ subject: String, votes: [Int] = [20, 5, 2, 0], special: String = "") -> Row {
        let returned = votes.reduce(0, +) + 1
        return Row(id: id, subject: subject, counts: [30, 28, 28, returned] + votes + [1, 0], special: special)
    }

    static func tally(_ rows: [Row], roster: Roster? = TallyFixture.roster) throws -> TallyResult {
        let input = try TallyInputReader(rules: rules, roster: roster).read(csv(rows), file: "测评.csv")
        return TallyCalculator(rules: rules).tally(input, file: "测评.csv")
    }

    /// The valid leaders of the sample roster, by 序列.
    static var leaders: [Leader] { roster.leaders }
}
