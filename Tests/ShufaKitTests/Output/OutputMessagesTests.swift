@testable import ShufaCatalog
import ShufaODF
@testable import ShufaOutput
@testable import ShufaRoster
import ShufaSystem
@testable import ShufaTemplate
import ShufaXML
import Testing

/// Every message of the batch build: Chinese, naming the file, the path or the leader concerned.
@Suite("ShufaOutput: every message is Chinese and names what it is about")
struct OutputMessagesTests {
    @Test("why nothing could be built names the catalog, the template or the roster file")
    func buildErrors() {
        var catalog = CatalogError(file: "catalog.yaml", .missingKey("grades"))
        catalog.line = 3
        let template = TemplateError(
            location: TemplateLocation(file: "report.fodt", paragraph: 4), problem: .unclosedMarker)
        let errors: [(BuildError, String)] = [
            (.catalog(catalog), "catalog.yaml 第 3 行"),
            (.templates(TemplateErrors(errors: [template])), "report.fodt 第 4 段"),
            (.roster(RosterError(file: "名单.csv", .empty)), "名单.csv"),
        ]
        for (error, named) in errors { Wording.expectChinese(error.description, naming: named, "\(error)") }
        #expect(Set(errors.map { Wording.caseName($0.0) }).count == 3)
    }

    @Test("a leader whose report cannot be made is told why, in the problem naming them")
    func unmade() {
        let reasons: [ReportAvailability.Reason] = [.draftStage, .noText, .noLaw, .noDuty]
        for reason in reasons { Wording.expectChinese(reason.message, "\(reason)") }
        #expect(Set(reasons.map(Wording.caseName)).count == 4)
        Wording.expectChinese(
            OutputMessages.notWritten(.form, .diskFull("/srv/out/form/x.fodt")), naming: "/srv/out/form/x.fodt")
        Wording.expectChinese(
            OutputMessages.rosterDocumentNotWritten(.tally, OutputError.busy("/srv/out")), naming: "/srv/out")
    }

    @Test("a listed document or listing that cannot be trusted")
    func listings() {
        let problems: [BuiltDocument.Problem] = [
            .file(.missing), .file(.symbolicLink), .unsafePath, .changed, .notODF(.empty("x.fodt")),
            .otherMimetype("application/zip"), .malformed(.doctypeForbidden(source: "x.fodt")), .noTextBody,
        ]
        for problem in problems { Wording.expectChinese(problem.description, "\(problem)") }
        #expect(Set(problems.map(Wording.caseName)).count == 7)
        let reasons: [BuildListing.Reason] = [
            .file(.tooLarge(limit: 1 << 30)), .notBuildSummary, .nothingListed, .journalChanged,
        ]
        let listings: [BuildListing.Problem] = [.noSummary("/srv/out")]
            + reasons.map { .unreadable("/srv/out/summary.json", $0) }
            + [.unsafePath("/srv/out/summary.json", document: "../../etc/passwd")]
        for problem in listings { Wording.expectChinese(problem.description, naming: "/srv/out", "\(problem)") }
        #expect(Set(reasons.map(Wording.caseName)).count == 4)
    }

    @Test("every reason a Word copy could not be made")
    func wordErrors() {
        let errors: [WordError] = [
            .noLibreOffice, .sourceUnreadable(.changed), .converterFailed(.notInstalled),
            .workspace(.diskFull("/tmp/w")),
            .notConverted(timedOut: true), .notConverted(timedOut: false), .unreadableOutput(.missing), .notPackage,
            .damagedPart(.partDamaged("x.docx", part: "word/document.xml")), .missingPart("word/document.xml"),
            .emptyPart("word/styles.xml"), .malformedPart("word/document.xml", .malformed([])),
        ]
        for error in errors { Wording.expectChinese(error.description, "\(error)") }
        #expect(Set(errors.map(Wording.caseName)).count == 11)
        let made = OutputMessages.wordCopyNotMade(.report, .notPackage, kept: "report/QC006.fodt")
        Wording.expectChinese(made, naming: "report/QC006.fodt")
        Wording.expectChinese(
            OutputMessages.wordCopyNotWritten(.draft, .diskFull("/o/draft/x.docx")), naming: "/o/draft/x.docx")
    }
}
