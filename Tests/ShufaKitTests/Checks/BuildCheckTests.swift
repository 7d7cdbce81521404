import Foundation
@testable import ShufaCatalog
@testable import ShufaChecks
import ShufaKit
@testable import ShufaODF
@testable import ShufaOutput
@testable import ShufaRoster
@testable import ShufaTemplate
import Testing

/// `shufa build` checks its documents from their data (the reading made while rendering, the schema proved per
/// template and shape); these tests hold that shortcut equal to the full checker reading the written files.
@Suite("Build checks from data equal the full checker on the written files")
struct BuildCheckTests {
    /// The sample roster's leaders, and variants whose texts try what could make the two readings differ:
    /// a heading typed into the text, blanks, markers, prompts in 【】, line breaks, CR, runs of spaces, tabs,
    /// characters XML forbids, a 述法 part too short, no problems.
    static func leaders() throws -> (Roster, [Leader]) {
        let roster = try RosterReader(catalog: Repo.catalog).read(Repo.roster)
        var leaders = roster.leaders.filter(ReportAvailability.canMake)
        let base = leaders[0]
        let texts = [
            "二、履行推进法治建设第一责任人职责情况", "研讨*次，信访 件，XXX同志", "{{姓名}} 留下的标记",
            "【请填写本年度学法情况】", "第一行\n第二行\r\n第三行\r第四行", "  前后空格  与\t制表符   连续空格 ",
            "含控制字符\u{1}\u{B}的文字", "一是扛牢法治建设第一责任人职责。二是其他工作。",
        ]
        for (index, text) in texts.enumerated() {
            var variant = base
            variant.id = "V\(index)"
            variant.name = index == 4 ? "张\r三" : "变体\(index)"
            variant.duty = [text] + base.duty
            variant.law = index == 5 ? "太短了" : base.law + text
            variant.problems = index == 6 ? [] : base.problems + [text]
            leaders.append(variant)
        }
        return (roster, leaders)
    }

    @Test(
        "the reading made from data is the reading of the written file, and so are the findings",
        arguments: OutputFormat.allCases)
    func sameFindings(format: OutputFormat) throws {
        let (roster, leaders) = try Self.leaders()
        let templates = try TemplateSet(catalog: Repo.catalog, directory: Repo.templates, kinds: [.report])
        let checks = BuildCheck(catalog: Repo.catalog, validator: Repo.validator, templates: templates.all,
                                formats: [format])
        for leader in leaders {
            let role = try #require(Repo.catalog.role(named: leader.role))
            let template = try #require(templates.template(.report, for: role))
            #expect(template.readable)
            let rendering = checks.render(template, data: DocumentData.leader(leader, role: role, roster: roster),
                                          meta: DocumentData.meta(.report, leader: leader, roster: roster),
                                          format: format, kind: .report)
            let path = "report/\(leader.id).\(format.rawValue)"
            let parts = try ODFParts.read(Data(rendering.bytes), file: path)
            let read = try ReportDocument(parts, prompts: checks.checker.prompts)
            #expect(rendering.document == read, "\(leader.id)")
            var full = try checks.checker.check(parts, path: path)
            full.findings += MinimumCheck.findings(leader, role: role)
            for _ in 0..<2 {
                let fromData = checks.check(rendering, template: template, format: format, kind: .report,
                                            leader: leader, role: role, path: path)
                #expect(fromData == full, "\(leader.id)")
            }
        }
    }

    @Test("every template's probes are valid, so its documents' schema is proved per shape")
    func probes() throws {
        let templates = try TemplateSet(catalog: Repo.catalog, directory: Repo.templates,
                                        kinds: Set(DocumentKind.allCases))
        let checks = BuildCheck(catalog: Repo.catalog, validator: Repo.validator, templates: templates.all,
                                formats: OutputFormat.allCases)
        for template in templates.all {
            for format in OutputFormat.allCases { #expect(checks.proof.isProved(template, format), "\(template.key)") }
        }
    }

    @Test("a template that can give an invalid document is not proved: its documents are validated in full",
          arguments: [
              // A table whose only row is a section: with no items the table has no row, which ODF requires.
              "<table:table table:name=\"T\"><table:table-column/><table:table-row><table:table-cell>"
                  + "<text:p>{{#存在问题}}{{.}}</text:p></table:table-cell><table:table-cell><text:p>{{/存在问题}}</text:p>"
                  + "</table:table-cell></table:table-row></table:table>",
          ])
    func brokenTemplate(body: String) throws {
        let template = try TemplateCompiler.compile(FlatODF.document(body), file: "broken.fodt",
                                                    fields: DocumentData.leaderFields)
        let checker = ReportChecker(catalog: Repo.catalog, validator: Repo.validator)
        let proof = SchemaProof(checker: checker, templates: [template], formats: [.fodt])
        #expect(!proof.isProved(template, .fodt))
        let valid = template.rendering(FlatODF.sampleData, meta: SchemaProof.probeMeta, format: .fodt, reader: nil)
        let parsed = ParsedODF(try ODFParts.read(Data(valid.bytes), file: "x.fodt"))
        #expect(proof.findings(valid, template: template, format: .fodt, parsed: { parsed }) != nil)
    }
}
