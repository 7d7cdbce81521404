import Foundation
@testable import ShufaCatalog
import ShufaKit
@testable import ShufaOutput
@testable import ShufaRoster
@testable import ShufaTemplate
import ShufaXML
import Testing

/// A second county's roster (云溪区), built once: drafts, forms, ballots and task lists.
enum OtherCounty {
    static let roster = Repo.fixtures.appendingPathComponent("rosters/another-county.json")

    static let built: SampleBuild.Built = {
        let directory = Repo.temporaryDirectory()
        let request = BuildRequest(roster: roster, templates: Repo.templates, output: directory,
                                   kinds: [.draft, .form, .ballot, .tasklist], validator: Repo.validator)
        return SampleBuild.Built(directory: directory, summary: try! BatchBuilder(request).run())
    }()

    static func text(_ document: BuildSummary.Document) throws -> String {
        try String(contentsOf: built.directory.appendingPathComponent(document.path), encoding: .utf8)
    }
}

@Suite("Place names and the name line follow the roster")
struct LocalityTests {
    @Test("the county level and name come from the roster's organization; settings win; markers are replaced")
    func terms() {
        let locality = Locality(settings: ["省委": "省委", "省": "省"])
        #expect(locality.terms(for: "青川县")["县委"] == "县委" && locality.terms(for: "青川县")["本地"] == "青川县")
        #expect(locality.terms(for: "云溪区")["县"] == "区" && locality.terms(for: "云溪区")["县委"] == "区委")
        #expect(locality.terms(for: "")["本地"] == "本县")
        let region = Locality(settings: ["省委": "自治区党委", "省": "区", "本地": "沙坡头区"])
        let text = "{省委}关于全面依法治{省}的部署要求，以及{市委}关于全面依法治{市}、{县委}关于全面依法治{县}；法治{本地}"
        #expect(Locality.apply(region.terms(for: "沙坡头区"), to: text)
                == "自治区党委关于全面依法治区的部署要求，以及市委关于全面依法治市、区委关于全面依法治区；法治沙坡头区")
        #expect(Locality.apply(["县": "区"], to: "无标记的{其他}文字") == "无标记的{其他}文字")
    }

    @Test(
        "a catalog text with an unknown {…} marker, or an unknown locality key, is refused in Chinese naming the text")
    func badMarkers() throws {
        let original = try String(contentsOf: Repo.templates.appendingPathComponent("catalog.yaml"), encoding: .utf8)
        let cases = [
            (original.replacingOccurrences(of: "加快法治{本地}建设进程", with: "加快法治{本镇}建设进程"), "{本镇}"),
            (original.replacingOccurrences(of: "  市委: 市委\n", with: "  州委: 州委\n"), "州委"),
        ]
        for (text, expected) in cases {
            #expect(text != original)
            let file = Repo.temporaryDirectory().appendingPathComponent("catalog.yaml")
            try text.write(to: file, atomically: true, encoding: .utf8)
            #expect { try Catalog.load(from: file) } throws: { error in
                let message = "\(error)"
                return message.contains("catalog.yaml") && message.contains(expected)
                    && (message.contains("标记") || message.contains("称谓"))
            }
        }
    }

    @Test("the name line reads as a person writes it, for every leader of the sample roster")
    func nameLines() throws {
        let expected = [
            "QC001": "县委书记　周明远", "QC002": "县委副书记、县长　陈立新", "QC003": "县委常委、常务副县长　刘文斌",
            "QC004": "县委常委、组织部部长　孙晓梅", "QC005": "县委常委、宣传部部长　吴海燕", "QC006": "县司法局党组书记、局长　黄志刚",
            "QC007": "县司法局党组成员、副局长　马丽娟", "QC008": "县财政局党组书记、局长　潘玉兰",
            "QC009": "县市场监督管理局党组书记、局长　韩建军", "QC010": "县市场监督管理局党组成员、副局长　冯雪",
            "QC012": "县自然资源局党组书记、局长　邓卫东", "QC014": "城关镇党委书记　罗志明", "QC015": "城关镇党委副书记、镇长　许文静",
            "QC016": "城关镇党委副书记　唐海波", "QC017": "城关镇党委委员、副镇长　宋立平", "QC018": "城关镇党委委员、纪委书记　袁晓东",
            "QC019": "石门镇党委书记　杜红梅", "QC020": "石门镇党委副书记、镇长　姚军", "QC021": "青川经济开发区党工委书记　程建平",
            "QC022": "青川经济开发区党工委副书记、管委会主任　蒋国华", "QC023": "县交通投资集团有限公司党委书记、董事长　钱志远",
            "QC024": "县交通投资集团有限公司党委副书记、总经理　曾丽萍",
        ]
        let roster = try RosterReader(catalog: Repo.catalog).read(Repo.roster)
        #expect(Set(roster.leaders.map(\.id)) == Set(expected.keys))
        for leader in roster.leaders {
            let data = DocumentData.leader(
                leader, role: try #require(Repo.catalog.role(named: leader.role)), roster: roster)
            #expect(data["署名"] == .text(expected[leader.id]!), "\(leader.id)")
        }
        for kind in [DocumentKind.draft, .report, .tasklist] {
            for document in SampleBuild.documents(kind) {
                let paragraphs = try Parsed.paragraphs(SampleBuild.text(document))
                #expect(paragraphs.contains(expected[document.leader!]!), "\(document.path)")
            }
        }
        #expect(NameLine.title(unit: "县委组织部", position: "组织部部长", level: "县") == "县委组织部部长")
        #expect(NameLine.title(unit: "城关镇", position: "镇长", level: "县") == "城关镇镇长")
        let parts = ["县委", "组织部", "部长", "县", "城关镇", "镇长", "", "司法局", "局长", "党组书记、局长", "a", "é", "e\u{301}"]
        for unit in parts.flatMap({ first in parts.map { first + $0 } }) {
            for position in parts.flatMap({ first in parts.map { first + $0 } }) {
                let title = NameLine.title(unit: unit, position: position, level: "县")
                #expect(title == Self.titleByCharacters(unit: unit, position: position, level: "县"), "\(unit)")
            }
        }
    }

    /// The name line's title as first written, reading characters: what the scalar reading must give.
    static func titleByCharacters(unit: String, position: String, level: String) -> String {
        if position.isEmpty { return unit }
        if unit.isEmpty || (!level.isEmpty && position.hasPrefix(level)) || position.contains(unit) { return position }
        let overlap = (2...max(2, min(unit.count, position.count))).reversed().first { length in
            length <= min(unit.count, position.count) && unit.hasSuffix(position.prefix(length))
        }
        return unit + (overlap.map { String(position.dropFirst($0)) } ?? position)
    }

    @Test("the sample county's task lists name its own places, never seed 000's district or region")
    func sampleTaskListsSayQingchuan() throws {
        let lists = SampleBuild.documents(.tasklist)
        #expect(!lists.isEmpty)
        for document in lists {
            let text = try Parsed.paragraphs(SampleBuild.text(document)).joined()
            for foreign in ["沙坡头", "自治区", "依法治区", "区委关于"] {
                #expect(!text.contains(foreign), "\(document.path): \(foreign)")
            }
            if document.leader == "QC014" {
                #expect(text.contains("县委关于全面依法治县") && text.contains("加快法治青川县建设进程"))
            }
        }
    }

    @Test("a second county's roster gets its own names: 区委, 依法治区, 法治云溪区, 区委书记 in the name line")
    func otherCounty() throws {
        let built = OtherCounty.built
        #expect(built.summary.checks.flatMap(\.findings).filter { $0.severity == .error }.isEmpty)
        let lists = built.summary.documents.filter { $0.kind == .tasklist }
        #expect(Set(lists.compactMap(\.leader)) == ["YX01", "YX02", "YX03", "YX04", "YX05", "YX06", "YX07"])
        for document in built.summary.documents where document.kind != .ballot {
            let text = try Parsed.paragraphs(OtherCounty.text(document)).joined()
            for foreign in ["青川", "沙坡头", "自治区", "县委关于", "依法治县"] {
                #expect(!text.contains(foreign), "\(document.path): \(foreign)")
            }
        }
        let township = try OtherCounty.text(try #require(lists.first { $0.leader == "YX05" }))
        #expect(township.contains("区委关于全面依法治区") && township.contains("加快法治云溪区建设进程"))
        let draft = try OtherCounty.text(
            try #require(built.summary.documents.first { $0.kind == .draft && $0.leader == "YX01" }))
        #expect(draft.contains("区委书记　林海峰") && draft.contains("区委关于依法治区"))
    }

    @Test("a ballot sets a long post in the smaller size and breaks it after a 、, never inside a word")
    func ballotPostFit() throws {
        let ballot = try #require(
            OtherCounty.built.summary.documents.first { $0.kind == .ballot && $0.unit == "区市场监督管理局" })
        let xml = try OtherCounty.text(ballot)
        #expect(xml.contains("党组成员、副局长、<text:line-break/>区纪委监委派驻第三纪检监察组组长"))
        #expect(xml.contains(#"<text:p text:style-name="TableTextCompact">党组书记、局长</text:p>"#))
        let short = try #require(OtherCounty.built.summary.documents.first { $0.kind == .ballot && $0.unit == "河口镇" })
        #expect(try OtherCounty.text(short).contains(#"<text:p text:style-name="TableTextPost">党委副书记、镇长</text:p>"#))
        #expect(PostFit(posts: ["县委常委、常务副县长"]).small == false)
    }

    @Test("task list rows: one per task, each with its duty's number, the duty's text in its first row only")
    func taskRows() throws {
        let list = try #require(Repo.catalog.role(named: "乡镇党委主要负责人")?.taskList)
        let rows = DocumentData.taskRows(list, terms: [:])
        #expect(rows.count == list.duties.reduce(0) { $0 + max(1, $1.tasks.count) })
        let fourth = rows.filter { $0["序号"] == .text("（四）") }
        #expect(
            fourth.count == 3 && fourth[0]["职责"] != .text("") && fourth[1]["职责"] == .text("")
                && fourth[2]["职责"] == .text(""))
        #expect(
            fourth.map { $0["任务"] }.allSatisfy {
                if case .text(let task) = $0 { return task.first?.isNumber == true } else { return false }
            })
    }
}
