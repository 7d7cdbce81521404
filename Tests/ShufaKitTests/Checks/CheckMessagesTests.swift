@testable import ShufaCatalog
@testable import ShufaChecks
import ShufaODF
import ShufaSystem
import Testing

/// Every message of the checks: findings, what extract could not place, files that cannot be read.
@Suite("ShufaChecks: every message is Chinese and names its file and paragraph")
struct CheckMessagesTests {
    static let point = DutyPoint(title: "依规治党与党内法规建设", text: "……", keywords: ["从严治党", "依规治党"])
    static let minimum = Minimum(indicator: "执法人员法治培训学时", minimum: 60, unit: "学时",
                                 basis: "年内执法人员法治培训不少于60学时", source: "000 三（十二）")
    static let length = LawLength(target: 300, fineMin: 250, fineMax: 350, errorMin: 150, errorMax: 600)

    static let findings: [FindingMessage] = [
        .unknownRole("党组书记", known: ["党委主要负责人"]), .noRole(known: ["党委主要负责人"]), .lawOnlyNotAccepted,
        .combinedNotAccepted, .unknownForm, .missingDuty, .missingLaw, .missingProblems, .partsOrder,
        .lawSplit(places: 2), .lawInTable, .lawNested(parent: "一、履行岗位职责情况"), .lawRunInPoint(parent: nil),
        .lawSubheadings(3), .length(count: 83, limits: length, wholeReport: false), .uncovered(number: 4, point: point),
        .prompt("请列出存在的问题"), .promptStyledText("本人全年……"), .marker("{{姓名}}"), .blanks(["研讨*次"]),
        .nameNotInHeader("黄志刚"), .emptyProperty("姓名"), .belowMinimum(minimum, value: 48),
        .schema("content.xml:3: Element text:p failed to validate"), .moreSchemaIssues(12), .vendorExtensions(8),
    ]

    @Test("every finding is Chinese (the schema's own words quoted)")
    func findings() {
        for finding in Self.findings {
            if case .schema = finding { #expect(finding.text.hasPrefix("不符合 ODF 1.3 规范：content.xml:3")); continue }
            Wording.expectChinese(finding.text, "\(finding)")
        }
        #expect(Set(Self.findings.map(Wording.caseName)).count == 26)
    }

    @Test("everything extract could not place names the file and, where it has one, the paragraph")
    func extraction() {
        let issues: [(ExtractionIssue, String?)] = [
            (.noLawPart(file: "交回.docx", suspects: [7, 8]), "第7段"),
            (.emptyLawPart(file: "交回.docx", heading: "二、履行推进法治建设第一责任人职责情况"), nil),
            (.lawNested(file: "交回.docx", heading: "（二）述法", paragraph: 9), "第9段"),
            (.lawRunInPoint(file: "交回.docx", paragraph: 11), "第11段"),
            (.lawSplit(file: "交回.docx", paragraphs: [5, 12]), "第12段"), (.noDutyPart(file: "交回.docx"), nil),
            (.lawOnlyReport(file: "交回.docx"), nil), (.unplaced(file: "交回.docx", paragraph: 30, text: "附件"), "第30段"),
            (.unknownForm(file: "交回.docx"), nil),
        ]
        for (issue, place) in issues {
            Wording.expectChinese(issue.description, naming: "交回.docx", "\(issue)")
            if let place { Wording.expectChinese(issue.description, naming: place, "\(issue)") }
        }
        #expect(Set(issues.map { Wording.caseName($0.0) }).count == 9)
    }

    @Test("a file check or extract cannot read is named, with why")
    func unreadable() {
        let failures: [DocumentLoader.Failure] = [
            .unreadable(.passwordProtected("交回.odt")), .notWordDocument("交回.docx"), .notConverted("交回.doc"),
            .noLibreOffice("交回.wps"), .converterFailed("交回.docx", .timedOut(seconds: 70)),
            .workspace("交回.docx", .diskFull("/tmp/shufa-word-x")),
        ]
        for failure in failures { Wording.expectChinese(failure.description, naming: failure.file, "\(failure)") }
        #expect(Set(failures.map(Wording.caseName)).count == 6)
        Wording.expectChinese(CheckMessages.notTextMimetype, naming: "mimetype")
        Wording.expectChinese(CheckMessages.unreadableWritten("不是格式正确的 XML"))
    }
}
