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
            "坚持全面从严治党、依规治党，加强党内法规制度建设，提高党内法规制度执行力方面的情况。",
            "12、带编号的段落：冒号之后", " \u{301}一、组合字符之后的编号", "職責報告中的繁體字與e\u{301}",
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

/// Schema proofs kept between batches (`ProofCache`): a batch of templates and shapes proved before parses no
/// schema, and anything the proofs depend on that changes — the template, a schema file — makes them unknown.
@Suite("Schema proofs kept between batches")
struct ProofCacheTests {
    /// Builds three final reports from `templates` with the schemas in `schemas` and the cache in `cache`.
    static func build(templates: URL, schemas: URL, cache: URL) throws
        -> (counts: [DocumentKind: Int], checks: [CheckedDocument], validator: ODFValidator)
    {
        let folder = Repo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = try RosterReader(catalog: Repo.catalog).read(Repo.roster)
        let leaders = Array(roster.leaders.filter(ReportAvailability.canMake).prefix(3))
        let validator = try ODFValidator(deferredSchemaDirectory: schemas)
        let output = folder.appendingPathComponent("out")
        var request = BuildRequest(roster: Repo.roster, templates: templates, output: output,
                                   formats: [.fodt, .odt], kinds: [.report], validator: validator)
        request.cache = cache
        let builder = try BatchBuilder(request)
        let summary = builder.build(Roster(organization: roster.organization, year: roster.year, leaders: leaders))
        return (summary.counts, summary.checks, validator)
    }

    static func copy(_ folder: URL, files: [String]) throws -> URL {
        let copy = Repo.temporaryDirectory()
        for file in files {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(file),
                                             to: copy.appendingPathComponent(file))
        }
        return copy
    }

    @Test("a second batch parses no schema; a changed template or schema is proved again")
    func cache() throws {
        let templateFiles = try FileManager.default.contentsOfDirectory(atPath: Repo.templates.path)
        let templates = try Self.copy(Repo.templates, files: templateFiles)
        let schemas = try Self.copy(Repo.schemas, files: ODFValidator.schemaFiles)
        let cache = Repo.temporaryDirectory()
        defer { for folder in [templates, schemas, cache] { try? FileManager.default.removeItem(at: folder) } }
        let proofs = cache.appendingPathComponent(ProofCache.fileName)

        let cold = try Self.build(templates: templates, schemas: schemas, cache: cache)
        #expect(cold.validator.hasParsedSchemas)
        #expect(cold.counts[.report] == 6 && !cold.checks.contains { $0.hasErrors })
        let entries = try String(contentsOf: proofs, encoding: .utf8).split(separator: "\n").count
        #expect(entries >= 4)

        let warm = try Self.build(templates: templates, schemas: schemas, cache: cache)
        #expect(!warm.validator.hasParsedSchemas)
        #expect(warm.counts == cold.counts && warm.checks == cold.checks)

        let report = templates.appendingPathComponent("report.fodt")
        let changed = try String(contentsOf: report, encoding: .utf8)
            .replacingOccurrences(of: "</office:text>", with: "<text:p>附：已改动的模板</text:p></office:text>")
        try changed.write(to: report, atomically: true, encoding: .utf8)
        let changedTemplate = try Self.build(templates: templates, schemas: schemas, cache: cache)
        #expect(changedTemplate.validator.hasParsedSchemas)

        let manifest = schemas.appendingPathComponent(ODFValidator.schemaFiles[1])
        try (try String(contentsOf: manifest, encoding: .utf8) + "<!-- 改动 -->\n").write(to: manifest, atomically: true,
                                                                                          encoding: .utf8)
        let changedSchema = try Self.build(templates: templates, schemas: schemas, cache: cache)
        #expect(changedSchema.validator.hasParsedSchemas)
        let again = try Self.build(templates: templates, schemas: schemas, cache: cache)
        #expect(!again.validator.hasParsedSchemas)
    }

    @Test("a template whose documents are invalid is never taken as proved, however often it is built")
    func invalidTemplateNotCached() throws {
        let templateFiles = try FileManager.default.contentsOfDirectory(atPath: Repo.templates.path)
        let templates = try Self.copy(Repo.templates, files: templateFiles)
        let cache = Repo.temporaryDirectory()
        defer { for folder in [templates, cache] { try? FileManager.default.removeItem(at: folder) } }
        let report = templates.appendingPathComponent("report.fodt")
        let broken = try String(contentsOf: report, encoding: .utf8)
            .replacingOccurrences(of: "</office:text>", with: "<text:p text:bogus=\"1\">无效属性</text:p></office:text>")
        try broken.write(to: report, atomically: true, encoding: .utf8)
        for _ in 0..<2 {
            let (_, checks, validator) = try Self.build(templates: templates, schemas: Repo.schemas, cache: cache)
            #expect(validator.hasParsedSchemas)
            #expect(checks.count == 6)
            #expect(checks.allSatisfy { $0.findings.contains { $0.rule == .schema && $0.severity == .error } })
        }
    }
}
