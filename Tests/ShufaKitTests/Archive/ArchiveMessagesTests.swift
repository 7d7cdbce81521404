@testable import ShufaArchive
import Testing

/// Every message of the archive: Chinese, naming the file, listing or archive concerned.
@Suite("ShufaArchive: every error and problem is Chinese and names what it is about")
struct ArchiveMessagesTests {
    static let failure = FileFailure(path: "/srv/archive/blobs/ab/cd", code: 13)

    @Test("why an archive command could not do what it was asked")
    func errors() {
        let errors: [(ArchiveError, String?)] = [
            (.noArchive(path: "/srv/archive"), "/srv/archive"), (.file(Self.failure), "/srv/archive/blobs/ab/cd"),
            (.database(path: "/srv/archive/index.sqlite", failure: DatabaseFailure(Self.failure)), "index.sqlite"),
            (.unsupportedSQLite(version: "3.31.1"), "3.31.1"), (.newerArchive(version: 9), nil),
            (.unknownLeader(query: "QC099", year: 2025), "QC099"),
            (.ambiguousLeader(query: "王", candidates: ["王一"]), "王"),
            (.unknownState("通过"), "通过"), (.refused(.ownReport(by: "黄志刚")), "黄志刚"), (.emptyOverrideReason, "--override"),
            (.nothingArchived(year: 2024), "2024"), (.damagedFile("blobs/ab/cd"), "blobs/ab/cd"), (.emptyQuery, nil),
            (.noInputs, nil), (.leaderForSeveral, "--leader"), (.noReviewer, "--by"),
        ]
        for (error, named) in errors { Wording.expectChinese(error.description, naming: named, "\(error)") }
        #expect(Set(errors.map { Wording.caseName($0.0) }).count == 16)
    }

    @Test("why a file was not archived names the file or listing")
    func addProblems() {
        let problems: [(AddProblem, String)] = [
            (.unreadable(Self.failure), "/srv/archive/blobs/ab/cd"), (.unrecognised(file: "notes.txt"), "notes.txt"),
            (.loosePDF(file: "a.pdf"), "a.pdf"),
            (.badListing(file: "summary.json", reason: "不是 shufa build 写出的格式"), "summary.json"),
            (.unsafePath(listing: "summary.json", path: "../x"), "summary.json"),
            (.missingFile(listing: "print.json", path: "form/a.pdf"), "form/a.pdf"),
            (.changedSinceListed(listing: "summary.json", path: "draft/a.fodt"), "draft/a.fodt"),
            (.noYear(file: "交回.odt"), "交回.odt"), (.noLeader(file: "交回.odt"), "交回.odt"),
            (.pdfaMissing(file: "form/a.pdf"), "form/a.pdf"),
            (.unreadableDocument(file: "交回.docx", reason: "文件是空的"), "交回.docx"),
            (.storeFailed(Self.failure), "/srv/archive/blobs/ab/cd"), (.changedWhileStoring(file: "交回.odt"), "交回.odt"),
            (.unknownTallyLeader(file: "tally.json", leader: "QC099"), "tally.json"),
            (.returnedAfterSubmission(file: "交回.odt", leader: "QC006"), "交回.odt"), (.recovered(files: 3), "3"),
        ]
        for (problem, named) in problems { Wording.expectChinese(problem.description, naming: named, "\(problem)") }
        #expect(Set(problems.map { Wording.caseName($0.0) }).count == 16)
    }
}
