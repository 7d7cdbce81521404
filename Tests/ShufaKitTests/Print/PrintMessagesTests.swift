import ShufaOutput
@testable import ShufaPrint
import ShufaSystem
import Testing

/// Every message of printing: Chinese, naming the folder or file concerned.
@Suite("ShufaPrint: every message is Chinese and names its folder or file")
struct PrintMessagesTests {
    @Test("why nothing could be printed")
    func printErrors() {
        let errors: [(PrintError, String?)] = [
            (.listing(.noSummary("/srv/out")), "/srv/out"), (.nothingToPrint("/srv/out"), "/srv/out"),
            (.onlyWordCopies("/srv/out"), "/srv/out"), (.libreOffice(.notInstalled), "LibreOffice"),
            (.qpdf(.notInstalled), "qpdf"), (.workspace(.diskFull("/tmp/p")), "/tmp/p"),
            (.unreadablePage("/tmp/p/pages/a.pdf", .missing), "/tmp/p/pages/a.pdf"),
            (.output(.busy("/srv/pdf")), "/srv/pdf"),
        ]
        for (error, named) in errors { Wording.expectChinese(error.description, naming: named, "\(error)") }
        #expect(Set(errors.map { Wording.caseName($0.0) }).count == 8)
    }

    @Test("why a document got no PDF, as print.json says it")
    func conversionFailures() {
        let failures: [PrintConverter.ConversionFailure] = [
            .unreadable(.changed), .workspace(.diskFull("/tmp/p")), .notRun, .cannotStart(.notInstalled),
            .timedOut(seconds: 0.2), .noPDF, .unreadablePDF(.unexpectedOutput(file: "0001.pdf")), .noPages,
            .noDocumentStarts,
        ]
        for failure in failures {
            let message = PrintMessages.notConverted(failure)
            Wording.expectChinese(message, naming: "请用 LibreOffice 打开该文件查看原因", "\(failure)")
        }
        #expect(Set(failures.map(Wording.caseName)).count == 9)
    }
}
