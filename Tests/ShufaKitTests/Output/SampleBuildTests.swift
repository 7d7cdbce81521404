import Crypto
import Foundation
import ShufaKit
import ShufaXML
import Testing

/// The bundled sample roster, built once for all tests of this suite, in both formats.
enum SampleBuild {
    struct Built: Sendable {
        var directory: URL
        var summary: BuildSummary
    }

    static func build(into directory: URL = Repo.temporaryDirectory()) throws -> Built {
        let request = BuildRequest(
            roster: Repo.roster, templates: Repo.templates, output: directory, formats: [.fodt, .odt])
        return Built(directory: directory, summary: try BatchBuilder(request).run())
    }

    static let shared: Built = { try! build() }()

    static func documents(_ kind: DocumentKind, format: OutputFormat = .fodt) -> [BuildSummary.Document] {
        shared.summary.documents.filter { $0.kind == kind && $0.path.hasSuffix(".\(format.fileExtension)") }
    }

    static func text(_ document: BuildSummary.Document) throws -> String {
        try String(contentsOf: shared.directory.appendingPathComponent(document.path), encoding: .utf8)
    }

    /// The sample roster with the texts of the leaders `ids` taken out, as leaders who have written nothing yet.
    static func blanked(_ ids: Set<String>) throws -> Roster {
        var roster = try RosterReader(catalog: Repo.catalog).read(Repo.roster)
        roster.leaders = roster.leaders.map { leader in
            guard ids.contains(leader.id) else { return leader }
            return Leader(id: leader.id, name: leader.name, unit: leader.unit, position: leader.position,
                          role: leader.role, indicators: leader.indicators, location: leader.location)
        }
        return roster
    }

    /// The draft of the sample leader `id` with their texts taken out: every prompt of the role is in it.
    static func blankDraft(_ id: String) throws -> String {
        var roster = try blanked([id])
        roster.leaders = roster.leaders.filter { $0.id == id }
        let output = Repo.temporaryDirectory()
        let request = BuildRequest(roster: Repo.roster, templates: Repo.templates, output: output, kinds: [.draft])
        let summary = try BatchBuilder(request).build(roster)
        let draft = try #require(summary.documents.first { $0.leader == id })
        return try String(contentsOf: output.appendingPathComponent(draft.path), encoding: .utf8)
    }
}

@Suite("Building the sample roster")
struct SampleBuildTests {
    @Test("every document written is strictly valid ODF 1.3 (Flat XML and package, manifest included)")
    func everyDocumentValidates() throws {
        let built = SampleBuild.shared
        #expect(built.summary.documents.count > 80)
        for document in built.summary.documents {
            let parts = try ODFParts.read(built.directory.appendingPathComponent(document.path))
            let issues = Repo.validator.validate(parts)
            #expect(issues.isEmpty, "\(document.path): \(issues.prefix(3))")
            if document.path.hasSuffix(".odt") {
                #expect(parts.parts.first?.name == "mimetype")
                #expect(parts.part("META-INF/manifest.xml") != nil)
            }
        }
    }

    @Test("summary.json names the journal, which lists every file with its SHA-256; the sample has no problem")
    func summary() throws {
        let built = SampleBuild.shared
        let data = try Data(contentsOf: built.directory.appendingPathComponent("summary.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let documents = try Journal.documents(in: built.directory)
        #expect(documents.count == built.summary.documents.count)
        #expect((json["counts"] as? [String: Int])?.values.reduce(0, +) == documents.count)
        for entry in documents {
            let path = try #require(entry["path"] as? String)
            let bytes = try Data(contentsOf: built.directory.appendingPathComponent(path))
            #expect(entry["sha256"] as? String == SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined())
            #expect(["draft", "report", "form", "ballot", "tasklist"].contains(entry["kind"] as? String ?? ""))
        }
        #expect((json["problems"] as? [[String: Any]])?.isEmpty == true)
        #expect(built.summary.skippedLeaders == 0)
        let leaders = try RosterReader(catalog: Repo.catalog).read(Repo.roster).leaders
        #expect(Set(SampleBuild.documents(.report).compactMap(\.leader)) == Set(leaders.map(\.id)))
    }

    @Test("the roster with mistakes: every bad record and every leader left without a report is named, with its row")
    func rosterWithErrors() throws {
        let output = Repo.temporaryDirectory()
        let roster = Repo.samples.appendingPathComponent("roster-with-errors.json")
        let summary = try BatchBuilder(BuildRequest(roster: roster, templates: Repo.templates, output: output)).run()
        let errors = summary.problems.filter { $0.severity == .error }
        // A record without a name, an unknown role, a duplicate id, another year; 述法 without 述职 and the reverse.
        #expect(errors.map { $0.location?.row ?? 0 } == [3, 4, 7, 8, 2, 5])
        #expect(errors.map(\.leader) == ["QC011", "QC013", "QC006", "QC009", "QC007", "QC017"])
        #expect(errors.allSatisfy { $0.location?.file == "roster-with-errors.json" })
        #expect(summary.skippedLeaders == 6)
        let warning = try #require(summary.problems.first { $0.severity == .warning })
        #expect(warning.leader == "QC005" && warning.message.hasPrefix("尚未填写述职和述法内容：已生成草稿"))
        #expect(Set(summary.documents.filter { $0.kind == .report }.compactMap(\.leader)) == ["QC006"])
    }

    @Test("each valid leader gets a draft and a form; reports only with texts; a task list for every 主要负责人")
    func whichDocuments() throws {
        let leaders = try RosterReader(catalog: Repo.catalog).read(Repo.roster).leaders
        #expect(leaders.count == 22)
        #expect(Set(SampleBuild.documents(.draft).compactMap(\.leader)) == Set(leaders.map(\.id)))
        #expect(Set(SampleBuild.documents(.form).compactMap(\.leader)) == Set(leaders.map(\.id)))
        #expect(leaders.allSatisfy { !$0.duty.isEmpty && !$0.law.isEmpty && !$0.problems.isEmpty })
        #expect(Set(SampleBuild.documents(.report).compactMap(\.leader)) == Set(leaders.map(\.id)))
        let heads = leaders.filter { $0.role.contains("主要负责人") }.map(\.id)
        #expect(heads.count == 15 && Set(["QC001", "QC002", "QC004", "QC006"]).isSubset(of: heads))
        #expect(Set(SampleBuild.documents(.tasklist).compactMap(\.leader)) == Set(heads))
        #expect(SampleBuild.documents(.ballot).count == Set(leaders.map(\.unit)).count)
    }

    @Test("a report has 一、述职, then 二、履行推进法治建设第一责任人职责情况 as a top-level heading, then 三、存在问题")
    func reportStructure() throws {
        let report = try #require(SampleBuild.documents(.report).first { $0.leader == "QC006" })
        let xml = try SampleBuild.text(report)
        let document = try Parsed.document(xml)
        let headings = document.root!.descendants().filter {
            $0.is(Namespace.text, "h") && $0.attribute(Namespace.text, "outline-level") == "1"
        }
        #expect(headings.map(\.content) == ["一、履行岗位职责情况", "二、履行推进法治建设第一责任人职责情况", "三、存在问题和改进措施"])
        #expect(xml.contains("黄志刚"))
        #expect(!xml.contains("{{") && !xml.contains("text:placeholder"))
        #expect(xml.contains(#"<meta:user-defined meta:name="述法主体类别">政府工作部门主要负责人</meta:user-defined>"#))
    }

    @Test(
        "a draft for a leader without texts shows the role's points as printed prompts (提示 style, in 【】), minimums"
    )
    func draftPrompts() throws {
        let xml = try SampleBuild.blankDraft("QC020")
        let document = try Parsed.document(xml)
        let prompts = document.root!.descendants().filter {
            $0.is(Namespace.text, "span") && $0.attribute(Namespace.text, "style-name") == "Prompt"
        }.map(\.content)
        let role = try #require(Repo.catalog.role(named: "乡镇政府主要负责人"))
        #expect(prompts.allSatisfy { $0.hasPrefix("【") && $0.hasSuffix("】") })
        for point in role.points { #expect(prompts.contains { $0.contains(point.title) }, "\(point.title)") }
        #expect(prompts.contains { $0.contains("省委关于依法治省、市委关于依法治市和县委关于依法治县") })
        for minimum in role.minimums { #expect(xml.contains(minimum.indicator) && xml.contains(minimum.basis)) }
        #expect(!xml.contains("{{") && !xml.contains("text:placeholder"))
        let style = try #require(document.root!.descendants().first {
            $0.is(Namespace.style, "style") && $0.attribute(Namespace.style, "name") == "Prompt"
        })
        #expect(
            style.attribute(Namespace.style, "family") == "text"
                && style.attribute(Namespace.style, "display-name") == "提示")
        let properties = try #require(style.elements.first)
        #expect(
            properties.attribute("urn:oasis:names:tc:opendocument:xmlns:style:1.0", "font-name-asian") == "楷体_GB2312")
        let color = try #require(
            properties.attribute("urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0", "color"))
        let (luminance, spread) = Self.tone(color)
        #expect(luminance < 0.3 && spread > 0.25, "\(color): prints dark on a mono printer, and is a colour on screen")
    }

    @Test("a draft of a role without yearly minimums has no empty indicator table")
    func noEmptyIndicatorTable() throws {
        for draft in SampleBuild.documents(.draft) {
            let xml = try SampleBuild.text(draft)
            let document = try Parsed.document(xml)
            let tables = document.root!.descendants().filter { $0.is(Namespace.table, "table") }
            let rows = tables.flatMap { $0.descendants().filter { $0.is(Namespace.table, "table-row") } }
            #expect(tables.isEmpty || rows.count >= 2, "\(draft.path): a table with only its header row")
            #expect(xml.contains("附：年度法治建设指标") == !tables.isEmpty, "\(draft.path)")
        }
    }

    /// Relative luminance (sRGB) and the spread between the strongest and weakest channel of `#rrggbb`.
    static func tone(_ hex: String) -> (Double, Double) {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let channels = [value >> 16, (value >> 8) & 0xFF, value & 0xFF].map { Double($0) / 255 }
        let linear = channels.map { $0 <= 0.04045 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return (0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2], channels.max()! - channels.min()!)
    }

    @Test("a 考核评议表 has one row per 述法内容 point of the role, grade columns and a signature line")
    func formRows() throws {
        for form in SampleBuild.documents(.form) {
            let xml = try SampleBuild.text(form)
            let document = try Parsed.document(xml)
            let role = try #require(
                document.root!.descendants().first {
                    $0.is(Namespace.meta, "user-defined") && $0.attribute(Namespace.meta, "name") == "述法主体类别"
                })
            let points = try #require(Repo.catalog.role(named: role.content)).points
            let cells = document.root!.descendants().filter { $0.is(Namespace.table, "table-cell") }.map {
                $0.content.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            for point in points { #expect(cells.contains(point.title), "\(form.path): \(point.title)") }
            for grade in Repo.catalog.grades { #expect(cells.contains(grade)) }
            for text in ["评议人", "评价主体", "上级评价", "单位内部测评", "评议意见", "填表说明："] {
                #expect(xml.contains(text), "\(form.path): \(text)")
            }
            #expect(document.root!.descendants().filter { $0.is(Namespace.table, "table") }.count == 1, "one table")
        }
    }

    @Test("two builds of the same inputs are byte-identical, summary included")
    func deterministic() throws {
        let again = try SampleBuild.build()
        #expect(again.summary.documents == SampleBuild.shared.summary.documents)
        let first = try Data(contentsOf: SampleBuild.shared.directory.appendingPathComponent("summary.json"))
        let second = try Data(contentsOf: again.directory.appendingPathComponent("summary.json"))
        #expect(first == second)
    }
}

@Suite("Values with characters XML forbids")
struct ForbiddenCharacterTests {
    @Test("control characters are dropped with a warning naming the record and field; the document stays valid")
    func dropped() throws {
        let directory = Repo.temporaryDirectory()
        let roster = directory.appendingPathComponent("r.json")
        let json =
            #"{"year":2025,"leaders":[{"id":"X1","name":"王\u0001五","unit":"某局","position":"局长","#
            + #""role":"部门主要负责人","duty":["第一段\u000b续"],"law":"述法\u0007内容"}]}"#
        try json.write(to: roster, atomically: true, encoding: .utf8)
        let summary = try BatchBuilder(
            BuildRequest(
                roster: roster, templates: Repo.templates, output: directory.appendingPathComponent("out"),
                kinds: [.report], validator: Repo.validator)
        ).run()
        let warnings = summary.problems.filter { $0.severity == .warning }
        #expect(Set(warnings.compactMap(\.field)) == ["name (姓名)", "duty (述职内容)", "law (述法内容)"])
        #expect(warnings.allSatisfy { $0.location?.row == 1 && $0.leader == "X1" })
        let report = try #require(summary.documents.first)
        let xml = try String(
            contentsOf: directory.appendingPathComponent("out").appendingPathComponent(report.path), encoding: .utf8)
        #expect(xml.contains("王五") && xml.contains("述法内容"))
        #expect(summary.checks.flatMap(\.findings).filter { $0.rule == .schema }.isEmpty)
    }
}
