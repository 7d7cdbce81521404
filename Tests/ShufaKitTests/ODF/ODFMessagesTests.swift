import ShufaODF
import ShufaSystem
import Testing

/// Every message of ShufaODF: Chinese, naming the file and the part.
@Suite("ShufaODF: every message is Chinese and names its file and part")
struct ODFMessagesTests {
    /// The part a case names besides the file (exhaustive: a new case must say whether it has one).
    static func part(of error: ODFParts.ReadError) -> String? {
        switch error {
        case .partTooLarge(_, let part, _, _), .partUnreadable(_, let part, _), .partDamaged(_, let part): return part
        case .file, .empty, .tooLarge, .damagedPackage, .emptyPackage, .noContent, .passwordProtected: return nil
        }
    }

    @Test("why a document cannot be read (every case)")
    func readErrors() {
        let file = "QC006-黄志刚.odt"
        let errors: [ODFParts.ReadError] = [
            .file(file, .isFolder), .empty(file), .tooLarge(file, limit: 64 << 20), .damagedPackage(file),
            .emptyPackage(file), .noContent(file),
            .partTooLarge(file, part: "content.xml", size: 90 << 20, limit: 64 << 20),
            .partUnreadable(file, part: "styles.xml", limit: 64 << 20), .partDamaged(file, part: "meta.xml"),
            .passwordProtected(file),
        ]
        for error in errors {
            #expect(error.file == file)
            Wording.expectChinese(error.description, naming: file, "\(error)")
            if let part = Self.part(of: error) { Wording.expectChinese(error.message, naming: part, "\(error)") }
        }
        #expect(Set(errors.map(Wording.caseName)).count == 10)
        for issue in [ODFParts.PackagingIssue.mimetypeNotFirst, .mimetypeCompressed] {
            Wording.expectChinese(issue.description, naming: "mimetype")
        }
    }
}
