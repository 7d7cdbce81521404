import Foundation
import ShufaKit
import Testing

@Suite("The catalog holds the seeds' content")
struct CatalogTests {
    static let seeds = Repo.root.deletingLastPathComponent().appendingPathComponent("shared/seeds")

    /// A seed's text with line breaks removed (points broken over lines are joined in the catalog).
    static func seed(_ prefix: String) throws -> String {
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: seeds.path).first { $0.hasPrefix(prefix) })
        return try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
            .components(separatedBy: .newlines).joined()
    }

    @Test("every role of the roster contract resolves to points, and the seed-000 roles to their 职责清单")
    func everyRole() throws {
        let roles = ["党委主要负责人", "政府主要负责人", "党委工作机关主要负责人", "政府工作部门主要负责人", "领导班子其他成员",
                     "乡镇党委主要负责人", "乡镇政府主要负责人", "部门主要负责人", "国有企业主要负责人", "国有企业领导班子成员"]
        let contract = try String(
            contentsOf: Repo.root.deletingLastPathComponent().appendingPathComponent("shared/contracts/roster.md"),
            encoding: .utf8)
        for name in roles {
            #expect(contract.contains(name))
            let role = try #require(Repo.catalog.role(named: name), "\(name)")
            #expect(role.points.count >= 4)
            #expect(Set(role.points.map(\.title)).count == role.points.count)
            #expect(role.points.allSatisfy { !$0.keywords.isEmpty })
        }
        for role in Repo.catalog.roles where role.name.contains("主要负责人") {
            #expect((role.taskList?.duties.count ?? 0) >= 8, "\(role.name) has a 职责任务清单")
        }
        #expect(Repo.catalog.role(named: "部门主要负责人")?.taskList?.source == "000 三")
        #expect(Repo.catalog.role(named: "政府工作部门主要负责人")?.taskList == Repo.catalog.role(named: "部门主要负责人")?.taskList)
        let county = try #require(Repo.catalog.role(named: "党委主要负责人")?.taskList)
        #expect(county.duties.map(\.number).prefix(3) == ["（一）", "（二）", "（三）"] && county.duties.count == 9)
        #expect(!county.duties.contains { $0.text.contains("制定年度履行推进法治建设第一责任人职责任务清单") })
        #expect(Repo.catalog.grades == ["优秀", "良好", "一般", "较差"])
    }

    /// Each seed's own place names and levels: with them put back, the catalog's texts are the seeds' words.
    static let seed004Terms = Locality().terms(for: "襄垣县")
    static let seed000Terms = Locality(settings: ["省委": "自治区党委", "省": "区"]).terms(for: "沙坡头区")

    @Test("every point, duty, task and minimum basis is the seeds' exact wording, with the seed's own place names")
    func exactWording() throws {
        let seed004 = try Self.seed("004_"), seed000 = try Self.seed("000_")
        #expect(Self.seed000Terms["县委"] == "区委" && Self.seed004Terms["县委"] == "县委")
        for role in Repo.catalog.roles {
            for point in role.points {
                #expect(
                    seed004.contains(Locality.apply(Self.seed004Terms, to: point.text)), "\(role.name): \(point.title)")
            }
            for minimum in role.minimums {
                #expect((seed000 + seed004).contains(minimum.basis), "\(minimum.indicator)")
            }
            let list = role.taskList
            let (seed, terms) =
                list?.source.hasPrefix("000") == true ? (seed000, Self.seed000Terms) : (seed004, Self.seed004Terms)
            for duty in list?.duties ?? [] {
                #expect(seed.contains(Locality.apply(terms, to: duty.text)), "\(role.name) \(duty.number)")
                for task in duty.tasks {
                    #expect(seed.contains(Locality.apply(terms, to: task.text)), "\(task.number)")
                }
            }
        }
        let markers = Repo.catalog.roles.flatMap { $0.points.map(\.text) + ($0.taskList?.duties.map(\.text) ?? []) }
        #expect(markers.contains { $0.contains("{县委}") } && markers.contains { $0.contains("{本地}") })
        let counts = Dictionary(uniqueKeysWithValues: Repo.catalog.roles.map { ($0.name, $0.points.count) })
        #expect(counts["党委主要负责人"] == 10 && counts["政府主要负责人"] == 10 && counts["党委工作机关主要负责人"] == 8
                && counts["政府工作部门主要负责人"] == 8 && counts["领导班子其他成员"] == 4)
    }

    @Test("report forms: seed 004's rule by default (a combined report only); a catalog may accept law-only reports")
    func reportForms() throws {
        #expect(Repo.catalog.reportForms.accepted == [.combined])
        #expect(ReportFormSettings.seed004.accepted == [.combined])
        let yaml = try String(contentsOf: Repo.templates.appendingPathComponent("catalog.yaml"), encoding: .utf8)
        let directory = Repo.temporaryDirectory()
        let file = directory.appendingPathComponent("catalog.yaml")
        func write(_ setting: String) throws {
            let text = yaml.replacingOccurrences(of: "accepted: [combined]", with: setting)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        for (setting, accepted) in [("accepted: [combined]", [ReportForm.combined]),
                                    ("accepted: [combined, law-only]", [.combined, .lawOnly])] {
            try write(setting)
            #expect(try Catalog.load(from: file).reportForms.accepted == accepted)
        }
        for setting in ["accepted: [separate]", "accepted: []"] {
            try write(setting)
            #expect(throws: CatalogError.self) { try Catalog.load(from: file) }
        }
    }
}
