import ShufaSystem
@testable import ShufaTemplate
import Testing

/// Every message of the template engine: Chinese, naming the template, the paragraph and the line.
@Suite("ShufaTemplate: every message is Chinese and names the template and paragraph")
struct TemplateMessagesTests {
    static let problems: [TemplateError.Problem] = [
        .unreadable("不是格式正确的 XML"), .missingFile(folder: "templates"), .file(.tooLarge(limit: 8 << 20)),
        .outsideFolder, .notODFText, .wordTemplate("docx"), .unclosedMarker, .emptyMarker("{{ }}"),
        .unclosedSection("述职内容"), .unexpectedClose("述法内容", expected: "述职内容"),
        .unknownField("姓明", suggestion: "姓名"), .listAsValue("述职内容"), .dotOutsideTextList,
        .markerMustStandAlone("{{#述职内容}}"), .markerOutsideBody, .sectionAcrossParts("{{#指标}}"),
        .multipleMarkersInControlParagraph,
    ]

    @Test("every problem of a template, with its file, paragraph, line and text")
    func problems() {
        let location = TemplateLocation(file: "report.fodt", paragraph: 12, line: 40, excerpt: "{{姓明}}")
        for problem in Self.problems {
            let error = TemplateError(location: location, problem: problem)
            #expect(error.description.hasPrefix("report.fodt 第 12 段（第 40 行）「{{姓明}}」："), "\(error)")
            Wording.expectChinese(error.description, "\(problem)")
        }
        #expect(Set(Self.problems.map(Wording.caseName)).count == 17)
        let unexpected = TemplateError.Problem.unexpectedClose("述法内容", expected: nil)
        Wording.expectChinese(TemplateError(location: location, problem: unexpected).message)
    }
}
