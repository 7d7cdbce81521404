import Foundation
import ShufaKit
import ShufaODF
import Testing

/// Reports written as paragraphs, the way leaders paste or type them (no heading styles, no metadata).
enum PlainReport {
    /// A Flat ODF document whose body is `lines`, one paragraph each; `body` is inserted as it is.
    static func parts(_ lines: [String], body: String = "") -> ODFParts {
        let paragraphs = lines.map { "<text:p>\(XMLEscaping.escaped($0))</text:p>" }.joined()
        return try! ODFParts.read(Data(FlatODF.document(paragraphs + body)), file: "report.fodt")
    }

    static func check(_ lines: [String], body: String = "", catalog: Catalog = Repo.catalog,
                      role: String = "政府工作部门主要负责人") throws -> CheckedDocument {
        let checker = ReportChecker(catalog: catalog, validator: nil)
        return try checker.check(parts(lines, body: body), path: "report.fodt", role: role)
    }

    /// 300 characters of 述法 that covers the department role's points.
    static let law = "本人认真履行推进法治建设第一责任人职责，深入学习贯彻习近平法治思想，落实重要指示和决策部署。把法治政府建设纳入总体规划和年度工作计划，"
        + "落实四个亲自要求，亲自部署、亲自督办，制定年度履行推进法治建设第一责任人职责任务清单。严格执行重大行政决策法定程序，落实法律顾问制度，"
        + "加强合法性审查和规范性文件备案审查，全面推进政务公开。加强行政执法规范化建设，落实行政执法责任制，强化执法监督。督促班子成员依法行政，"
        + "不干预司法，尊重行政复议决定，落实出庭应诉制度，执行生效裁判。加强法治教育培训，学习宣传宪法，落实谁执法谁普法普法责任制，"
        + "全年组织集体学法四次，举办法治讲座两次。"

    static func combined(law lawHeading: String = "二、履行推进法治建设第一责任人职责情况") -> [String] {
        ["2025年度述职述法报告", "县司法局局长　张三", "一、履行岗位职责情况", "本人全年主持全面工作，完成各项任务。",
         lawHeading, law, "三、存在问题和改进措施", "（一）存在问题", "学习还不够深入。", "（二）改进措施", "坚持每月学法。"]
    }

    static func errors(_ document: CheckedDocument) -> [Finding] { document.findings.filter { $0.severity == .error } }
}

@Suite("Report forms and headings")
struct ReportFormTests {
    @Test("a combined report with its 述法 as 「二、」 is combined, the 述法 a separate item, with no error")
    func combined() throws {
        let checked = try PlainReport.check(PlainReport.combined())
        #expect(checked.form == .combined && checked.lawPart == .separate)
        #expect(PlainReport.errors(checked).isEmpty, "\(checked.findings)")
    }

    @Test("a 44-character standard heading is a heading: numbering, not a length cap")
    func longHeading() throws {
        let heading = "二、2025年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"
        #expect(heading.count == 44)
        let checked = try PlainReport.check(PlainReport.combined(law: heading))
        #expect(checked.lawPart == .separate)
        #expect(!checked.findings.contains { $0.rule == .parts || $0.rule == .separateItem }, "\(checked.findings)")
        #expect(!checked.findings.contains { $0.rule == .length }, "\(checked.findings)")
    }

    @Test("run-in headings 「一、强化责任落实。本人……」: the title ends at the first 。, the rest is the item's text")
    func runInHeadings() throws {
        let lines = ["2025年度述职述法报告", "一、强化责任落实。本人全年主持全面工作，完成各项任务。",
                     "二、履行推进法治建设第一责任人职责情况。" + PlainReport.law, "三、存在问题和改进措施。学习还不够深入，今后坚持每月学法。"]
        let checked = try PlainReport.check(lines)
        #expect(checked.form == .combined && checked.lawPart == .separate)
        #expect(!checked.findings.contains { $0.rule == .length || $0.rule == .parts }, "\(checked.findings)")
    }

    @Test("a 述法 that is 「（二）」 inside 「一、」 is a sub-item, said so, never 「缺少」")
    func nestedSubheading() throws {
        var lines = PlainReport.combined()
        lines[4] = "（二）履行推进法治建设第一责任人职责情况"
        lines.insert("（一）抓好重点工作", at: 3)
        let checked = try PlainReport.check(lines)
        #expect(checked.form == .combined && checked.lawPart == .subItem)
        let errors = PlainReport.errors(checked)
        #expect(errors.map(\.rule) == [.separateItem], "\(errors)")
        #expect(errors.first?.message.contains("「一、履行岗位职责情况」的子项") == true)
        #expect(!checked.findings.contains { $0.message.contains("缺少述法") })
    }

    @Test("a 述法 that is a run-in 「二是」 point, on its own line or inside a paragraph, is a sub-item")
    func runInPoint() throws {
        for point in ["二是扛牢法治建设第一责任人职责。全年组织学法四次。",
                      "一是抓好项目建设。完成重点项目十个。二是扛牢法治建设第一责任人职责。全年组织学法四次。"] {
            let lines = ["2025年度述职报告", "一、履行岗位职责情况", "一是抓好项目建设。完成重点项目十个。", point,
                         "二、存在问题和改进措施", "学习还不够深入。"]
            let checked = try PlainReport.check(lines)
            #expect(checked.form == .combined && checked.lawPart == .subItem, "\(point)")
            let errors = PlainReport.errors(checked)
            #expect(errors.map(\.rule) == [.separateItem], "\(errors)")
            #expect(!checked.findings.contains { $0.message.contains("缺少述法") })
        }
    }

    @Test("a 述职报告 with no 述法 at all is duty-only and 「缺少述法部分」")
    func dutyOnly() throws {
        let checked = try PlainReport.check(["2025年度个人述职报告", "一、履行岗位职责情况", "本人全年主持全面工作。",
                                             "二、存在问题和改进措施", "学习还不够深入。"])
        #expect(checked.form == .dutyOnly && checked.lawPart == LawPlacement.none)
        #expect(PlainReport.errors(checked).contains { $0.message.hasPrefix("缺少述法部分") })
    }

    /// A separate 述法 report: its own sub-headings mention 第一责任人.
    static let lawOnly = ["2025年度履行推进法治建设第一责任人职责情况报告", "县司法局局长　张三",
                          "一、履职情况", "（一）学习贯彻习近平法治思想", PlainReport.law,
                          "（二）严格履行法治建设第一责任人职责", PlainReport.law,
                          "二、存在问题", "学习还不够深入。", "三、下一步打算", "坚持每月学法。"]

    @Test("a law-only report where a combined one is required gets exactly that message, not 「缺少述法部分」")
    func lawOnlyRefused() throws {
        let checked = try PlainReport.check(Self.lawOnly)
        #expect(checked.form == .lawOnly && checked.lawPart == .whole)
        let errors = PlainReport.errors(checked)
        #expect(errors.map(\.message) == ["本文为单独的述法报告；按规定述法应列入个人年度述职报告，单独列项、整体表述"], "\(errors)")
        #expect(errors.first?.location.contains("第1段") == true)
        #expect(!checked.findings.contains { $0.rule == .separateItem || $0.rule == .parts && $0.severity == .error })
    }

    @Test("where the catalog accepts law-only reports, one passes; length and coverage read its whole text")
    func lawOnlyAccepted() throws {
        var catalog = Repo.catalog
        catalog.reportForms.accepted = [.combined, .lawOnly]
        let checked = try PlainReport.check(Self.lawOnly, catalog: catalog)
        #expect(PlainReport.errors(checked).isEmpty, "\(checked.findings)")
        let length = try #require(checked.findings.first { $0.rule == .length })
        #expect(length.message.hasPrefix("全文 ") && length.message.contains("1500–5000 字"), "\(length.message)")
        #expect(!checked.findings.contains { $0.rule == .coverage }, "\(checked.findings)")
    }

    @Test("titles: two lines, traditional characters, with a word count or 「篇1」 after them; a headline is not a title")
    func titles() throws {
        let body = ["一、履职情况", "（一）学习贯彻习近平法治思想", PlainReport.law, "二、存在问题", "学习还不够深入。"]
        let cases: [([String], ReportForm)] = [
            (["履行推进法治建设第一责任人职责", "述职报告", "花园镇党委书记 刘军"], .lawOnly),
            (["2025年度履行推進法治建設第一責任人職責情況報告"], .lawOnly),
            (["镇长个人述职述法报告2150字"], .combined),
            (["驻村书记述职报告 篇1"], .dutyOnly),
            (["滨州:全面开启党政主要负责人年终述法报告新局面"], .unknown),
            (["某镇2025年法治政府建设年度报告"], .unknown),
        ]
        for (title, form) in cases {
            let lines = form == .dutyOnly ? title + ["一、工作情况", "完成任务。"] : title + body
            #expect(try PlainReport.check(lines).form == form, "\(title)")
        }
    }

    @Test("the opening sentence 「现将……报告如下」 says the form when there is no title")
    func opening() throws {
        let body = ["一、履职情况", "（一）学习贯彻习近平法治思想", PlainReport.law]
        #expect(try PlainReport.check(["本人切实履职。现将本人履行推进法治建设第一责任人职责情况报告如下："] + body).form == .lawOnly)
        #expect(try PlainReport.check(["现将本人一年来的述职、述学、述法情况报告如下："] + body).form == .combined)
        let unit = try PlainReport.check(["2025年，某镇扎实推进法治政府建设。现将全年工作情况报告如下："] + body)
        #expect(unit.form == .unknown)
        #expect(unit.findings.contains { $0.rule == .form && $0.severity == .warning })
    }

    @Test("a combined report in traditional characters: its 述法 heading is found")
    func traditionalHeading() throws {
        let checked = try PlainReport.check(PlainReport.combined(law: "二、履行推進法治建設第一責任人職責情況"))
        #expect(checked.form == .combined && checked.lawPart == .separate, "\(checked.findings)")
    }

    @Test("numbering: 一、 （一） (一) 1. 1、 （1） ① 一是 第二， — and not 1.5万元 or 一二等奖")
    func numbering() {
        let ranks = ["一、总体": 1, "十二、其他": 1, "（一）学习": 2, "(二)学习": 2, "（三）、学习": 2, "1.学习": 3, "12、学习": 3,
                     "1． 学习": 3, "（1）学习": 4, "(2)学习": 4, "①学习": 4, "一是学习": 5, "第二，学习": 5, "第三是学习": 5]
        for (text, rank) in ranks {
            #expect(ReportOutline.rank(of: text) == rank, "\(text)")
        }
        for text in ["1.5万元用于", "2024年工作", "一二等奖", "第一篇 述职报告", "首先，学习"] {
            #expect(ReportOutline.rank(of: text) == nil, "\(text)")
        }
    }
}

@Suite("Real blanks in returned reports")
struct BlankTests {
    @Test("研讨*次, 20__年, 信访 件, XXX, ×××, 某某 are blanks; numbers, names and English words are not")
    func blanks() {
        for text in ["组织专题学习研讨*次", "自20__年起任镇长", "涉法涉诉信访 件。", "XXX同志", "×××镇", "某某村", "**区开发区", "获得X项荣誉",
                     "20xx年区城管局"] {
            #expect(!BlankFinder.blanks(in: text).isEmpty, "\(text)")
        }
        for text in ["全年学法 4 次。", "花园镇党委书记 刘 军", "www.example.com", "Excel表格", "2025年", "县长 张三"] {
            #expect(BlankFinder.blanks(in: text).isEmpty, "\(text)")
        }
    }

    @Test("blanks left in a report are leftovers warnings naming the paragraph")
    func blankFindings() throws {
        var lines = PlainReport.combined()
        lines[3] = "本人全年组织专题学习研讨*次，涉法涉诉信访 件。"
        let checked = try PlainReport.check(lines)
        let blanks = checked.findings.filter { $0.rule == .leftovers }
        #expect(blanks.count == 1 && blanks[0].severity == .warning, "\(blanks)")
        #expect(blanks[0].message.contains("研讨*次") && blanks[0].message.contains("信访 件"))
        #expect(blanks[0].location.hasPrefix("「一、履行岗位职责情况」 第4段"), "\(blanks[0].location)")
    }
}
