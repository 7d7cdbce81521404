@testable import ShufaCatalog
import ShufaRoster
import Testing

/// Every message of the catalog: Chinese, naming catalog.yaml and the line.
@Suite("ShufaCatalog: every message is Chinese and names the file and line")
struct CatalogMessagesTests {
    static let problems: [CatalogError.Problem] = [
        .file(.missing), .notUTF8, .syntax(.duplicateKey("roles", line: 4)), .missingKey("grades"),
        .wrongKind(expected: .list), .wrongKind(expected: .mapping), .wrongKind(expected: .scalar),
        .badValue("Cannot initialize LawLength"),
        .unknownReference(role: "部门主要负责人", key: "points", name: "部门", list: "pointSets"),
        .roleTwice("部门主要负责人"), .unknownKind("memo"), .templateOutside("../etc/passwd"),
        .unknownTaskListPoints(list: "县委", name: "县"), .emptyTaskList("县委"), .unknownLocalitySetting("镇"),
        .unknownPlaceMarker("{乡}"), .noAcceptedReportForm,
    ]

    @Test("every problem of catalog.yaml, with the file and line")
    func problems() {
        for problem in Self.problems {
            var error = CatalogError(file: "catalog.yaml", problem)
            error.line = 12
            let text = error.description
            #expect(text.hasPrefix("catalog.yaml 第 12 行："), "\(text)")
            if case .badValue = problem { continue }
            Wording.expectChinese(text, "\(problem)")
        }
        #expect(Set(Self.problems.map(Wording.caseName)).count == 15)
    }
}
