@testable import ShufaXML
import Testing

/// Every message of ShufaXML: Chinese, naming the file or part and line; libxml2's own words are quoted.
@Suite("ShufaXML: every message is Chinese and names its source")
struct XMLMessagesTests {
    @Test("why XML cannot be parsed (every case), and a schema that cannot be loaded")
    func parseErrors() throws {
        let errors: [(XMLParseError, String)] = [
            (.malformed([XMLIssue(source: "content.xml", line: 12, message: "")]), "content.xml:12"),
            (.doctypeForbidden(source: "report.fodt"), "report.fodt"),
            (.tooLarge(source: "styles.xml", bytes: 70_000_000, limit: 67_108_864), "styles.xml"),
        ]
        for (error, named) in errors { Wording.expectChinese(error.description, naming: named, "\(error)") }
        #expect(Set(errors.map { Wording.caseName($0.0) }).count == 3)
        let schema = RelaxNGSchema.LoadError(path: "/nowhere/odf.rng", issues: [])
        Wording.expectChinese(schema.description, naming: "/nowhere/odf.rng")
        let real = try #require(throws: XMLParseError.self) {
            try XMLDocument(bytes: Array("<a>".utf8), source: "t.xml")
        }
        #expect(real.description.hasPrefix("不是格式正确的 XML：t.xml:1"), "\(real)")
    }
}
