import Foundation
@testable import ShufaKit
@testable import ShufaTemplate
import Testing

/// A leader's data is made with only the fields a template reads (`CompiledTemplate.names`): what is left out
/// can change no document.
@Suite("Templates are filled with the fields they read")
struct TemplateNamesTests {
    @Test("every leader template gives the same bytes from the data it reads as from the whole data")
    func namesSuffice() throws {
        let roster = try RosterReader(catalog: Repo.catalog).read(Repo.roster)
        let files = ["report.fodt", "draft.fodt", "form.fodt", "tasklist.fodt"]
        let templates = try files.map { file in
            let bytes = try Data(contentsOf: Repo.templates.appendingPathComponent(file))
            return try TemplateCompiler.compile(Array(bytes), file: file, fields: DocumentData.leaderFields)
        }
        #expect(!templates[0].names.contains("指标") && templates[1].names.contains("指标"))
        #expect(templates.allSatisfy { $0.names.contains("年度") })
        for leader in roster.leaders {
            let role = try #require(Repo.catalog.role(named: leader.role))
            let shared = RoleData(role, organization: roster.organization)
            let meta = DocumentData.meta(.report, leader: leader, roster: roster)
            let whole = DocumentData.leader(leader, role: role, shared: shared, roster: roster)
            for template in templates {
                let read = DocumentData.leader(
                    leader, role: role, shared: shared, roster: roster, names: template.names)
                for format in [OutputFormat.fodt, .odt] {
                    #expect(template.render(read, meta: meta, format: format)
                            == template.render(whole, meta: meta, format: format), "\(template.file) \(leader.id)")
                }
            }
        }
    }
}
