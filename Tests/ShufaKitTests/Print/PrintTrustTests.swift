import Foundation
import ShufaKit
@testable import ShufaOutput
@testable import ShufaPrint
@testable import ShufaSystem
import Testing


@Suite("shufa print trusts neither summary.json nor the files it lists", .serialized, .timeLimit(.minutes(5)))
struct PrintTrustTests {
    /// A batch folder holding copies of the sample's first `count` forms and a summary.json listing them.
    static func batch(forms count: Int) throws -> (folder: URL, documents: [BuildSummary.Document]) {
        let folder = Repo.temporaryDirectory()
        let documents = Array(SampleBuild.documents(.form).prefix(count))
        for document in documents {
            let bytes = try Data(contentsOf: SampleBuild.shared.directory.appendingPathComponent(document.path))
            try OutputFiles.writeAtomically(Array(bytes), to: folder.appendingPathComponent(document.path))
        }
        try writeSummary(documents, in: folder)
        return (folder, documents)
    }

    static func writeSummary(_ documents: [BuildSummary.Document], in folder: URL) throws {
        try JSONEncoder().encode(["documents": documents]).write(to: folder.appendingPathComponent("summary.json"))
    }

    @Test(
        "a summary.json with a path that could leave the batch folder is refused whole: exit 2, nothing written",
        arguments: [
            "../../x/planted.fodt", "/tmp/planted.fodt", "form/../../planted.fodt", "form/.planted.fodt",
            "form/a/planted.fodt",
            "draft/planted.fodt", "form/planted.pdf", "form/", "form",
        ])
    func unsafePaths(path: String) throws {
        var (folder, documents) = try Self.batch(forms: 2)
        documents[1].path = path
        try Self.writeSummary(documents, in: folder)
        #expect(throws: PrintError.self) { try PrintBatch(PrintRequest(build: folder)) }
        let out = Repo.temporaryDirectory().appendingPathComponent("deep/a/b")
        let run = try ChildProcess.shufa(["print", folder.path, "--out", out.path])
        Bounds.expect(run, status: 2, naming: folder.appendingPathComponent("summary.json").path)
        #expect(
            !FileManager.default.fileExists(atPath: out.deletingLastPathComponent().deletingLastPathComponent().path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("pdf").path))
    }

    @Test("the tally's entry workbook a full build lists is accepted in the listing and never printed")
    func tallyWorkbookListed() throws {
        var (folder, documents) = try Self.batch(forms: 1)
        for name in ["测评录入表.xlsx", "测评录入表.ods"] {
            documents.append(BuildSummary.Document(leader: nil, unit: "青川县", kind: .tally, path: "tally/\(name)",
                                                   sha256: BuiltDocument.digest([])))
        }
        try Self.writeSummary(documents, in: folder)
        #expect(try BuildListing.documents(in: folder).count == 3)
        #expect(PrintPlan.items(documents, build: folder).map(\.document.kind) == [.form])
        documents[1].path = "tally/../../测评录入表.xlsx"
        #expect(throws: BuildListing.Problem.self) { try BuildListing.checkPaths(documents, listedIn: "summary.json") }
    }

    @Test(
        "empty, random, linked, FIFO and forged documents are not printed; each is named; the good one is printed alone"
    )
    func untrustedFiles() throws {
        var (folder, documents) = try Self.batch(forms: 5)
        let url = { (index: Int) in folder.appendingPathComponent(documents[index].path) }
        try Data().write(to: url(1))
        var random = SystemRandomNumberGenerator()
        let noise = (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &random) }
        try Data(noise).write(to: url(2))
        documents[2].sha256 = BuiltDocument.digest(noise)
        try FileManager.default.removeItem(at: url(3))
        try FileManager.default.createSymbolicLink(
            atPath: url(3).path,
            withDestinationPath: SampleBuild.shared.directory.appendingPathComponent(documents[3].path).path)
        try FileManager.default.removeItem(at: url(4))
        #expect(mkfifo(url(4).path, 0o600) == 0)
        try Self.writeSummary(documents, in: folder)
        let run = try Printed.print(folder)
        let failures = Dictionary(uniqueKeysWithValues: run.summary.failures.map { ($0.source, $0.message) })
        #expect(failures.count == 4 && run.summary.documents.map(\.source) == [documents[0].path])
        #expect(failures[documents[1].path]?.contains("SHA-256 不一致") == true)
        #expect(failures[documents[2].path]?.contains("不是 ODF 文字文档") == true)
        #expect(failures[documents[3].path]?.contains("符号链接") == true)
        #expect(failures[documents[4].path]?.contains("不是普通文件") == true)
        #expect(try run.combined(.form).pages == 1)
    }

    @Test("a kind folder of the PDFs' folder that is a symbolic link: refused before anything is converted")
    func linkedPDFFolder() throws {
        let (folder, _) = try Self.batch(forms: 1)
        let out = Repo.temporaryDirectory()
        let elsewhere = Repo.temporaryDirectory()
        try FileManager.default.createSymbolicLink(
            atPath: out.appendingPathComponent("form").path, withDestinationPath: elsewhere.path)
        #expect {
            try PrintBatch(PrintRequest(build: folder, output: out)).run()
        } throws: { error in
            guard case .output(.symbolicLink(let path)) = error as? PrintError else { return false }
            return path == out.appendingPathComponent("form").path
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }
}
