import Foundation
import GRDB
import ShufaKit
import Testing
import ZIPFoundation

@testable import ShufaArchive

/// Changing an archive behind shufa's back, as a faulty disk or a careless hand would.
enum Tamper {
    /// The stored file of the sample's generated report of QC006 (Flat XML).
    static func report(in archive: DocumentArchive) throws -> String {
        try #require(
            try archive.read { db in
                try String.fetchOne(
                    db,
                    sql: "SELECT sha256 FROM document WHERE leader = 'QC006' AND kind = 'report' AND format = 'fodt'")
            })
    }

    static func overwrite(_ sha256: String, in archive: DocumentArchive, with bytes: Data) throws {
        let url = archive.location.file(sha256)
        chmod(url.path, 0o644)
        try bytes.write(to: url)
    }

    static func execute(_ sql: String, in archive: DocumentArchive) throws {
        try archive.database.write { db in try db.execute(sql: sql) }
    }
}

@Suite("Archive: verify")
struct ArchiveVerifyTests {
    @Test("a sound archive passes; a file changed in the store is named with its documents")
    func tamperedFile() throws {
        let archive = try Archives.sample()
        #expect(try ArchiveVerifier(archive: archive).verify().passed)
        let digest = try Tamper.report(in: archive)
        var bytes = try Data(contentsOf: archive.location.file(digest))
        bytes[bytes.count / 2] ^= 0x01
        try Tamper.overwrite(digest, in: archive, with: bytes)
        let report = try ArchiveVerifier(archive: archive).verify()
        #expect(report.problems.count == 1)
        guard case .damaged(let file, let actual) = try #require(report.problems.first) else {
            Issue.record("\(report.problems)")
            return
        }
        #expect(file.sha256 == digest && actual == FileDigest.sha256(bytes))
        let message = report.problems[0].description
        #expect(
            message.contains(ArchiveLocation.relativePath(digest)) && message.contains("黄志刚")
                && message.contains("述职述法报告"))
    }

    @Test("a missing file, an unindexed file, a stray name and a link in the store are each named")
    func missingAndPlanted() throws {
        let archive = try Archives.sample()
        let digest = try Tamper.report(in: archive)
        unlink(archive.location.file(digest).path)
        let planted = String(repeating: "ab", count: 32)
        try FileManager.default.createDirectory(
            at: archive.location.store.appendingPathComponent("ab"), withIntermediateDirectories: true)
        try Data("planted".utf8).write(to: archive.location.file(planted))
        try Data("x".utf8).write(to: archive.location.store.appendingPathComponent("ab/notes.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: archive.location.store.appendingPathComponent("ab/link").path,
            withDestinationPath: "/etc/passwd")
        let problems = try ArchiveVerifier(archive: archive).verify().problems
        #expect(
            problems.contains {
                if case .missing(let file) = $0 { return file.sha256 == digest }
                return false
            })
        #expect(problems.contains(.unindexed(path: ArchiveLocation.relativePath(planted))))
        #expect(
            problems.contains(.stray(path: "store/ab/notes.txt")) && problems.contains(.stray(path: "store/ab/link")))
        #expect(problems.count == 4)
    }

    @Test("files left by an interrupted add are accepted (and counted); the next add removes them")
    func interrupted() throws {
        let archive = try Archives.sample()
        let digest = String(repeating: "cd", count: 32)
        try FileManager.default.createDirectory(
            at: archive.location.store.appendingPathComponent("cd"), withIntermediateDirectories: true)
        try Data("half an add".utf8).write(to: archive.location.file(digest))
        try Data("copy".utf8).write(to: archive.location.incoming.appendingPathComponent("partial"))
        try Tamper.execute("INSERT INTO pending VALUES ('\(digest)', 'run')", in: archive)
        let report = try ArchiveVerifier(archive: archive).verify()
        #expect(report.passed && report.interrupted == 2)
        let next = try Archives.add([Archives.tally], to: archive)
        #expect(next.problems.contains(.recovered(files: 2)))
        #expect(!FileManager.default.fileExists(atPath: archive.location.file(digest).path))
        #expect(try ArchiveVerifier(archive: archive).verify().interrupted == 0)
    }

    @Test("the trail: a changed entry breaks the hash chain; a removed last entry and dropped triggers are found")
    func trail() throws {
        let archive = try Archives.sample()
        try Tamper.execute("DROP TRIGGER trail_no_update; DROP TRIGGER trail_no_delete", in: archive)
        try Tamper.execute("UPDATE trail SET actor = '别人' WHERE id = 5", in: archive)
        let changed = try ArchiveVerifier(archive: archive).verify().problems
        #expect(changed == [.trailBroken(entry: 5), .trailUnprotected])
        let other = try Archives.sample()
        try Tamper.execute("DROP TRIGGER trail_no_delete", in: other)
        try Tamper.execute("DELETE FROM trail WHERE id = (SELECT max(id) FROM trail)", in: other)
        #expect(try ArchiveVerifier(archive: other).verify().problems == [.trailBroken(entry: 22), .trailUnprotected])
    }

    @Test("PDF/A recorded for a file that has no identification is found")
    func pdfaRecorded() throws {
        let archive = try Archives.sample()
        let digest = try Tamper.report(in: archive)
        try Tamper.execute("UPDATE blob SET pdfa = 1 WHERE sha256 = '\(digest)'", in: archive)
        let problems = try ArchiveVerifier(archive: archive).verify().problems
        #expect(problems.count == 1 && problems[0].description.contains("PDF/A"))
    }

    @Test("every verify problem is Chinese and names its file or entry")
    func messages() {
        let file = StoredFile(
            sha256: String(repeating: "0", count: 64), path: "store/00/00", documents: ["2025年度 县司法局 黄志刚 述职述法报告"])
        let problems: [VerifyProblem] = [
            .missing(file), .damaged(file, actual: "ff"), .unindexed(path: "store/ab/x"),
            .stray(path: "store/zz"), .pdfaMissing(file), .trailBroken(entry: 3), .trailUnprotected,
            .indexDamaged("page 3"),
        ]
        for problem in problems {
            let text = problem.description
            #expect(text.unicodeScalars.contains { $0.value >= 0x4E00 })
            #expect(["store/", "第 3 条", "触发器", "page 3"].contains { text.contains($0) }, "\(text)")
        }
    }
}

@Suite("Archive: printed PDFs", .serialized)
struct ArchivePrintTests {
    /// The sample build with its PDF/A print beside it, as `shufa build --pdf --pdfa` leaves a folder.
    static func printedBatch() throws -> URL {
        let folder = Repo.temporaryDirectory().appendingPathComponent("batch")
        try FileManager.default.copyItem(at: SampleBuild.shared.directory, to: folder)
        try FileManager.default.copyItem(at: Printed.archive.output, to: folder.appendingPathComponent("pdf"))
        return folder
    }

    @Test("PDF/A from shufa print: stored with the leader and year of the document printed, identification recorded")
    func pdfa() throws {
        let folder = try Self.printedBatch()
        let archive = try Archives.fresh()
        let report = try Archives.add([folder], to: archive)
        #expect(report.problems.filter(\.isError).isEmpty, "\(report.problems)")
        #expect(report.recorded["print"] == 1)
        let pdfs = try Archives.find("黄志刚", in: archive).documents.filter { $0.format == "pdf" }
        #expect(
            Set(pdfs.map(\.kind)) == ["draft", "report", "form", "tasklist"]
                && pdfs.allSatisfy { $0.year == 2025 && $0.origin == "print" })
        let recorded = try Archives.count("SELECT count(*) FROM blob WHERE pdfa = 1", in: archive)
        #expect(recorded == Printed.archive.summary.documents.count)
        #expect(try ArchiveVerifier(archive: archive).verify().passed)
        #expect(PDFAIdentification.of(archive.location.file(pdfs[0].sha256)) == "2B")
    }

    @Test("a PDF that print.json calls PDF/A but that lost its identification is refused")
    func pdfaLost() throws {
        let folder = try Self.printedBatch()
        let listing = folder.appendingPathComponent("pdf/print.json")
        var summary = try JSONDecoder().decode(PrintSummary.self, from: Data(contentsOf: listing))
        let victim = summary.documents[0]
        let url = folder.appendingPathComponent("pdf").appendingPathComponent(victim.path)
        let stripped = try Data(contentsOf: url).replacing(Data("pdfaid:part".utf8), with: Data("pdfaid:xxxx".utf8))
        try stripped.write(to: url)
        summary.documents[0].sha256 = FileDigest.sha256(stripped)
        try JSONEncoder().encode(summary).write(to: listing)
        let report = try Archives.add([folder], to: try Archives.fresh())
        #expect(report.problems.filter(\.isError) == [.pdfaMissing(file: victim.path)])
    }
}

@Suite("Archive: export")
struct ArchiveExportTests {
    static func entries(_ zip: URL) throws -> [String: Data] {
        let archive = try ZIPFoundation.Archive(url: zip, accessMode: .read)
        var entries: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            entries[entry.path] = data
        }
        return entries
    }

    @Test("a year's package: every file with its hash in the manifest, the index and the trail; the same bytes twice")
    func package() throws {
        let archive = try Archives.sample()
        try Archives.add([try Archives.returned("ok.odt", as: "‥甲,乙\u{1B}[2J$(rm -rf ~).odt")], to: archive)
        let folder = Repo.temporaryDirectory()
        let first = folder.appendingPathComponent("2025.zip")
        let second = folder.appendingPathComponent("again.zip")
        let report = try ArchiveExporter(archive: archive).export(year: 2025, to: first)
        _ = try ArchiveExporter(archive: archive).export(year: 2025, to: second)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
        let documents = try Archives.count("SELECT count(*) FROM document WHERE year = 2025", in: archive)
        #expect(report.documents == documents)
        let entries = try Self.entries(first)
        #expect(entries.keys.allSatisfy { $0.hasPrefix("述法档案-2025/") && !$0.contains("..") && !$0.contains("\u{1B}") })
        let manifest = String(decoding: try #require(entries["述法档案-2025/manifest-sha256.txt"]), as: UTF8.self)
        let lines = manifest.split(separator: "\n")
        #expect(lines.count == entries.count - 1 && lines.count == documents + 4)
        for line in lines {
            let hash = String(line.prefix(64))
            let path = String(line.dropFirst(66))
            #expect(FileDigest.sha256(try #require(entries["述法档案-2025/" + path])) == hash, "\(path)")
        }
        let index = String(decoding: try #require(entries["述法档案-2025/index.csv"]), as: UTF8.self)
        #expect(index.hasPrefix("\u{FEFF}年度,单位,编号,姓名") && index.components(separatedBy: "\r\n").count == documents + 2)
        #expect(index.contains("\"‥甲,乙\u{1B}[2J$(rm -rf ~).odt\""))
        let trail = String(decoding: try #require(entries["述法档案-2025/trail.csv"]), as: UTF8.self)
        #expect(trail.contains("QC006,黄志刚,已交回"))
    }

    @Test("CSV cells that a spreadsheet would run as a formula stay text; commas and quotes are quoted")
    func csv() {
        var table = CSVTable(header: ["原文件名"])
        table.append(["=HYPERLINK(\"http://x\")"])
        table.append(["@SUM(A1)"])
        table.append(["甲,乙"])
        #expect(table.text == "\u{FEFF}原文件名\r\n\"'=HYPERLINK(\"\"http://x\"\")\"\r\n'@SUM(A1)\r\n\"甲,乙\"\r\n")
    }

    @Test("a damaged file stops the export: nothing is written")
    func damaged() throws {
        let archive = try Archives.sample()
        try Tamper.overwrite(try Tamper.report(in: archive), in: archive, with: Data("damaged".utf8))
        let out = Repo.temporaryDirectory().appendingPathComponent("2025.zip")
        #expect(throws: ArchiveError.self) { try ArchiveExporter(archive: archive).export(year: 2025, to: out) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path).isEmpty)
        #expect(throws: ArchiveError.nothingArchived(year: 1999)) {
            try ArchiveExporter(archive: archive).export(year: 1999, to: out)
        }
    }
}
