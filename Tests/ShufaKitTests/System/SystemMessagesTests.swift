import Foundation
@testable import ShufaSystem
import Testing

/// Every message of ShufaSystem, case by case: Chinese, naming the path or program concerned.
@Suite("ShufaSystem: every message is Chinese and names its path")
struct SystemMessagesTests {
    static let problems: [RegularFile.Problem] = [
        .missing, .isFolder, .notRegular, .symbolicLink, .tooLarge(limit: 8 << 20), .unreadable(EIO),
    ]

    @Test("why a file cannot be read (every case)")
    func regularFile() {
        for problem in Self.problems { Wording.expectChinese(problem.description, "\(problem)") }
        #expect(Set(Self.problems.map(Wording.caseName)).count == 6)
    }

    /// The path each case names (exhaustive: a new case must say where it is).
    static func path(of error: OutputError) -> String {
        switch error {
        case .notAFolder(let path), .symbolicLink(let path), .notWritable(let path, _), .diskFull(let path),
            .busy(let path), .fileNotWritten(let path, _), .summaryNotWritten(let path, _):
            return path
        }
    }

    @Test("why a file cannot be written (every case, and every system reason), with the path")
    func outputError() {
        let path = "/srv/输出/report/QC006.fodt"
        let errors: [OutputError] = [
            .notAFolder(path), .symbolicLink(path), .notWritable(path, .init(code: EROFS)), .diskFull(path),
            .busy(path), .fileNotWritten(path, .init(code: ENAMETOOLONG)),
            .summaryNotWritten(path, cause: .diskFull(path)),
        ]
        for error in errors { Wording.expectChinese(error.description, naming: Self.path(of: error), "\(error)") }
        #expect(Set(errors.map(Wording.caseName)).count == 7)
        for code in [ENOSPC, EDQUOT, EROFS, EACCES, EPERM, ENOTDIR, EISDIR, ENAMETOOLONG, ELOOP, ENOENT, EIO, EEXIST,
                     EINVAL, EBUSY] {
            Wording.expectChinese(OutputError.SystemReason(code: code).description, "errno \(code)")
        }
    }

    @Test("external programs that cannot be run: the program or file is named")
    func programs() {
        let child: [(ChildProcess.Failure, String)] = [
            (.cannotStart("soffice", code: ENOENT), "soffice"), (.noWorkspace(.diskFull("/tmp/x")), "/tmp/x"),
        ]
        let office: [(LibreOffice.Failure, String?)] = [
            (.notInstalled, "LibreOffice"), (.timedOut(seconds: 60), "60 秒"), (.missingOutput(["a.fodt"]), "a.fodt"),
            (.cannotRun(.cannotStart("soffice", code: EACCES)), "soffice"), (.workspace(.diskFull("/tmp/p")), "/tmp/p"),
        ]
        let qpdf: [(QPDF.Failure, String?)] = [
            (.notInstalled, "qpdf"), (.cannotRun(.cannotStart("qpdf", code: ENOENT)), "qpdf"),
            (.failed(file: "0001.pdf", status: 2, message: ""), "0001.pdf"),
            (.unexpectedOutput(file: "0002.pdf"), "0002.pdf"),
            (.workspace(file: "0003.pdf", path: "/tmp/u.json"), "/tmp/u.json"),
        ]
        for (failure, named) in child { Wording.expectChinese(failure.description, naming: named, "\(failure)") }
        for (failure, named) in office { Wording.expectChinese(failure.description, naming: named, "\(failure)") }
        for (failure, named) in qpdf { Wording.expectChinese(failure.description, naming: named, "\(failure)") }
        #expect(Set(child.map { Wording.caseName($0.0) }).count == 2)
        #expect(Set(office.map { Wording.caseName($0.0) }).count == 5)
        #expect(Set(qpdf.map { Wording.caseName($0.0) }).count == 5)
        let said = QPDF.Failure.failed(file: "0001.pdf", status: 2, message: "xref not found").description
        #expect(said.contains("qpdf 的说明：xref not found"), "qpdf's own words are quoted: \(said)")
    }
}
