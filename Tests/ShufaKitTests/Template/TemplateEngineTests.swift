import Foundation
import ShufaKit
import ShufaXML
import Testing

@Suite("Template markers and sections")
struct TemplateEngineTests {
    @Test("a value is escaped, and a line break in it becomes text:line-break")
    func valueEscaping() throws {
        let xml = try FlatODF.render("<text:p>{{述法内容}}</text:p>")
        #expect(xml.contains("述法 &lt;全文&gt; &amp; 其他<text:line-break/>第二行"))
        #expect(try Parsed.paragraphs(xml) == ["述法 <全文> & 其他第二行"])
    }

    @Test("a marker split over spans by a style change still works and keeps the first piece's style")
    func splitMarker() throws {
        let xml = try FlatODF.render(
            #"<text:p>姓名：<text:span text:style-name="T1">{{姓</text:span>名"#
                + #"<text:span text:style-name="T2">}}</text:span>。</text:p>"#
        )
        #expect(try Parsed.paragraphs(xml) == ["姓名：张三。"])
        #expect(xml.contains(#"<text:span text:style-name="T1">张三</text:span>"#))
        #expect(!xml.contains("{{") && !xml.contains("}}"))
    }

    @Test("a whole-paragraph section repeats the paragraph per item")
    func paragraphLoop() throws {
        let xml = try FlatODF.render(
            "<text:h text:outline-level=\"1\">一、述职</text:h><text:p>{{#述职内容}}{{.}}{{/述职内容}}</text:p><text:p>完</text:p>")
        #expect(try Parsed.paragraphs(xml) == ["一、述职", "第一段", "第二段", "第三段", "完"])
    }

    @Test("an empty section leaves no blank paragraph behind")
    func noBlankLines() throws {
        let body = """
            <text:p>前</text:p><text:p>{{#存在问题}}</text:p><text:h>三、存在问题</text:h><text:p>问题</text:p>\
            <text:p>{{/存在问题}}</text:p>\
            <text:p>{{#存在问题}}{{.}}{{/存在问题}}</text:p><text:p>{{^改进措施}}无措施{{/改进措施}}</text:p><text:p>后</text:p>
            """
        #expect(try Parsed.paragraphs(FlatODF.render(body)) == ["前", "后"])
    }

    @Test("{{?…}} shows a block once for a non-empty list; {{^…}} only for an empty one")
    func conditions() throws {
        let body =
            "<text:p>{{?述职内容}}</text:p><text:h>有述职</text:h><text:p>{{/述职内容}}</text:p>"
                + "<text:p>{{^述职内容}}</text:p><text:p>无述职</text:p><text:p>{{/述职内容}}</text:p>"
        #expect(try Parsed.paragraphs(FlatODF.render(body)) == ["有述职"])
    }

    @Test("inline sections keep the text around them")
    func inlineSection() throws {
        let xml = try FlatODF.render("<text:p>要点：{{#述法要点}}{{序号}}.{{标题}} {{/述法要点}}止</text:p>")
        #expect(try Parsed.paragraphs(xml) == ["要点：1.学法 2.用法 止"])
    }

    @Test("markers in different cells of a row repeat the table row")
    func tableRowLoop() throws {
        let body = """
            <table:table table:name="T"><table:table-column table:number-columns-repeated="2"/>\
            <table:table-header-rows><table:table-row><table:table-cell><text:p>序号</text:p></table:table-cell>\
            <table:table-cell><text:p>内容</text:p></table:table-cell></table:table-row></table:table-header-rows>\
            <table:table-row><table:table-cell><text:p>{{#述法要点}}{{序号}}</text:p></table:table-cell>\
            <table:table-cell><text:p>{{标题}}{{/述法要点}}</text:p></table:table-cell></table:table-row>\
            </table:table>
            """
        let xml = try FlatODF.render(body)
        #expect(try Parsed.count(xml, "table-row", namespace: Namespace.table) == 3, "\(xml)")
        #expect(try Parsed.paragraphs(xml) == ["序号", "内容", "1", "学法", "2", "用法"])
    }

    @Test("nested sections: a paragraph loop inside a row loop")
    func nestedLoops() throws {
        let body = """
            <table:table table:name="T"><table:table-column table:number-columns-repeated="2"/>\
            <table:table-row><table:table-cell><text:p>{{#职责清单}}{{序号}}{{职责}}</text:p></table:table-cell>\
            <table:table-cell><text:p>{{#任务}}{{序号}}. {{内容}}（{{姓名}}）{{/任务}}</text:p>\
            <text:p>{{^任务}}—{{/任务}}{{/职责清单}}</text:p></table:table-cell></table:table-row>\
            </table:table>
            """
        let xml = try FlatODF.render(body)
        #expect(try Parsed.paragraphs(xml) == ["（一）甲", "1. 甲1（张三）", "2. 甲2（张三）", "", "（二）乙", "—"])
    }

    @Test("the rendered document is strictly valid ODF 1.3, with LibreOffice's extensions removed")
    func vendorExtensionsStripped() throws {
        let body = #"<text:p loext:marker-style-name="x">{{姓名}}<loext:foo/></text:p>"#
        let xml = try FlatODF.render(body)
        #expect(
            !xml.contains("loext:marker-style-name") && !xml.contains("<loext:foo") && !xml.contains("officeooo:rsid"))
        let issues = Repo.validator.validate(try ODFParts.read(Data(xml.utf8), file: "t.fodt"))
        #expect(issues.isEmpty, "\(issues)")
    }

    @Test("broken templates: every error names the file and the paragraph")
    func templateErrors() throws {
        let cases: [(String, (TemplateError.Problem) -> Bool)] = [
            (
                "<text:p>a</text:p><text:p>{{#述职内容}}</text:p><text:p>x</text:p>",
                {
                    if case .unclosedSection("述职内容") = $0 { return true }; return false
                }
            ),
            (
                "<text:p>{{#述职内容}}{{/述法内容}}</text:p>",
                {
                    if case .unexpectedClose("述法内容", "述职内容") = $0 { return true }; return false
                }
            ),
            (
                "<text:p>{{姓明}}</text:p>",
                {
                    if case .unknownField("姓明", "姓名") = $0 { return true }; return false
                }
            ),
            (
                "<text:p>{{述职内容}}</text:p>",
                {
                    if case .listAsValue("述职内容") = $0 { return true }; return false
                }
            ),
            ("<text:p>{{.}}</text:p>", { $0 == .dotOutsideTextList }),
            ("<text:p>{{姓名</text:p>", { $0 == .unclosedMarker }),
            (
                "<text:p>开始{{#述职内容}}</text:p><text:p>{{/述职内容}}</text:p>",
                {
                    if case .markerMustStandAlone = $0 { return true }; return false
                }
            ),
        ]
        for (body, matches) in cases {
            let errors = FlatODF.errors(body)
            #expect(errors.count == 1, "\(body): \(errors)")
            guard let error = errors.first else { continue }
            #expect(matches(error.problem), "\(body): \(error)")
            #expect(error.location.file == "t.fodt")
            #expect(error.location.paragraph != nil, "\(error)")
            #expect(error.description.hasPrefix("t.fodt 第 \(error.location.paragraph ?? 0) 段"), "\(error)")
        }
        let located = FlatODF.errors("<text:p>一</text:p><text:p>二</text:p><text:p>{{姓明}}</text:p>")
        #expect(located.first?.location.paragraph == 3)
        #expect(located.first?.location.excerpt == "{{姓明}}")
    }

    @Test("a marker in a footer is an error, not silent output")
    func markerOutsideBody() {
        let errors = FlatODF.errors("<text:p>x</text:p>", footer: "{{姓名}}")
        #expect(errors.map(\.problem) == [.markerOutsideBody])
    }

    @Test("a template that is not ODF text is refused with its name")
    func notODF() {
        #expect(throws: TemplateErrors.self) {
            try TemplateCompiler.compile(Array("<a/>".utf8), file: "x.fodt", fields: DocumentData.leaderFields)
        }
        #expect(throws: TemplateErrors.self) {
            try TemplateCompiler.compile(Array("not xml".utf8), file: "x.fodt", fields: DocumentData.leaderFields)
        }
    }

    @Test("runs of spaces and tabs in a value survive as text:s and text:tab")
    func whitespace() throws {
        let data: Value = .record(["姓名": .text("张  三\t四")])
        let template = try TemplateCompiler.compile(
            FlatODF.document("<text:p>{{姓名}}</text:p>"), file: "t.fodt", fields: RecordSchema(["姓名": .text]))
        let xml = String(
            decoding: template.render(data, meta: DocumentMeta(title: "", properties: []), format: .fodt), as: UTF8.self
        )
        #expect(xml.contains("张 <text:s/>三<text:tab/>四"))
    }
}
