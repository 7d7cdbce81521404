import Foundation
import ShufaKit
import Testing

@testable import ShufaArchive

/// `shufa archive`, `review` and `status` run as a clerk runs them: the real executable, its exit codes,
/// and the faults a machine has (kill -9, two clerks at once).
enum ArchiveCommand {
    static func run(_ arguments: [String]) throws -> ChildProcess { try ChildProcess.shufa(arguments, timeout: 120) }

    /// Starts `shufa arguments` without waiting for it.
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try ChildProcess.executable()
        process.arguments = arguments
        process.currentDirectoryURL = Repo.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// A batch of `leaders` made-up leaders (five to a unit) built as drafts, forms and ballots: thousands of
    /// files for one `add`.
    static func largeBatch(leaders: Int, prefix: String = "L") throws -> URL {
        let folder = Repo.temporaryDirectory()
        var roster = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Repo.roster)) as? [String: Any])
        let sample = try #require(roster["leaders"] as? [[String: Any]]).filter {
            $0["name"] != nil && $0["id"] as? String != "QC013"
        }
        roster["leaders"] = (0..<leaders).map { index -> [String: Any] in
            var leader = sample[index % sample.count]
            leader["id"] = String(format: "\(prefix)%04d", index)
            leader["name"] = "\(leader["name"] as? String ?? "")\(index)"
            leader["unit"] = String(format: "\(prefix)单位%03d", index / 5)
            return leader
        }
        try JSONSerialization.data(withJSONObject: roster).write(to: folder.appendingPathComponent("roster.json"))
        let request = BuildRequest(
            roster: folder.appendingPathComponent("roster.json"), templates: Repo.templates,
            output: folder.appendingPathComponent("built"), kinds: [.draft, .form, .ballot])
        _ = try BatchBuilder(request).run()
        return request.output
    }

    /// Files in an archive's store.
    static func storedFiles(_ archive: URL) -> Int {
        let store = archive.appendingPathComponent("store")
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: store.path)) ?? []
        return folders.reduce(0) {
            $0
                + ((try? FileManager.default.contentsOfDirectory(atPath: store.appendingPathComponent($1).path))?.count
                    ?? 0)
        }
    }

    /// How many documents the archive lists (of a kind).
    static func total(_ archive: URL, kind: String? = nil) throws -> Int {
        let result = try run(
            ["archive", "find", "--archive", archive.path, "--json", "--limit", "0"]
                + (kind.map { ["--kind", $0] } ?? ["--year", "2025"]))
        return try JSONDecoder().decode(SearchResult.self, from: Data(result.output.utf8)).total
    }
}

@Suite("shufa archive: the command line", .serialized)
struct ArchiveCommandTests {
    @Test("kill -9 at any moment of a large add leaves an archive verify accepts; a re-run completes it")
    func killedAdd() throws {
        let batch = try ArchiveCommand.largeBatch(leaders: 700)
        let listed = try BuildListing.entries(in: batch)
        let archive = Repo.temporaryDirectory().appendingPathComponent("archive")
        let add = ["archive", "add", batch.path, "--archive", archive.path]
        var interruptedSeen = 0
        // Kill while the inputs are read (once the archive exists), then after a tenth, two thirds and all of
        // the files are stored (the last lands while they are flushed or indexed, or just after).
        let index = archive.appendingPathComponent("index.sqlite").path
        for threshold in [0, listed.count / 10, listed.count * 2 / 3, listed.count] {
            let process = try ArchiveCommand.start(add)
            let start = Date()
            while process.isRunning && Date().timeIntervalSince(start) < 120
                && (!FileManager.default.fileExists(atPath: index) || ArchiveCommand.storedFiles(archive) < threshold)
            {
                usleep(2_000)
            }
            if threshold == 0 { usleep(300_000) }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let verify = try ArchiveCommand.run(["archive", "verify", "--archive", archive.path])
            #expect(verify.status == 0, "killed at \(threshold): \(verify.output) \(verify.error)")
            if verify.output.contains("中断的归档") { interruptedSeen += 1 }
        }
        #expect(interruptedSeen >= 1, "no kill landed while files were being stored")
        let rerun = try ArchiveCommand.run(add)
        #expect(rerun.status == 0, "\(rerun.output) \(rerun.error)")
        let verify = try ArchiveCommand.run(["archive", "verify", "--archive", archive.path])
        #expect(verify.status == 0 && !verify.output.contains("中断"), "\(verify.output)")
        #expect(try ArchiveCommand.total(archive) == listed.count + 2)
        #expect(ArchiveCommand.storedFiles(archive) == Set(listed.map(\.sha256)).count + 2)
        #expect(
            try ArchiveCommand.total(archive, kind: "draft") == listed.filter { $0.kind == .draft }.count)
    }

    @Test("two adds at once into a new archive: both finish, nothing is lost or indexed twice")
    func concurrentAdds() throws {
        let first = try ArchiveCommand.largeBatch(leaders: 150, prefix: "A")
        let second = try ArchiveCommand.largeBatch(leaders: 150, prefix: "B")
        let shared = Returned.directory.appendingPathComponent("ok.odt")
        let expected = try [first, second].map { batch in
            try BuildListing.entries(in: batch).count + 2
        }.reduce(1, +)
        for round in 0..<2 {
            let archive = Repo.temporaryDirectory().appendingPathComponent("archive-\(round)")
            let processes = try [first, second].map { batch in
                try ArchiveCommand.start(["archive", "add", batch.path, shared.path, "--archive", archive.path])
            }
            for process in processes { process.waitUntilExit() }
            #expect(processes.map(\.terminationStatus) == [0, 0])
            #expect(try ArchiveCommand.run(["archive", "verify", "--archive", archive.path]).status == 0)
            #expect(try ArchiveCommand.total(archive) == expected)
            let archiveOpened = try DocumentArchive(archive)
            #expect(try Archives.count("SELECT count(*) FROM trail WHERE state = 'returned'", in: archiveOpened) == 1)
        }
    }

    @Test("verify names a tampered file and exits 1; export refuses to package it")
    func tamperedOnTheCommandLine() throws {
        let archive = try Archives.sample()
        let digest = try Tamper.report(in: archive)
        try Tamper.overwrite(digest, in: archive, with: Data("tampered".utf8))
        let path = archive.location.root.path
        let verify = try ArchiveCommand.run(["archive", "verify", "--archive", path])
        #expect(
            verify.status == 1 && verify.output.contains(ArchiveLocation.relativePath(digest))
                && verify.output.contains("黄志刚"))
        let out = Repo.temporaryDirectory().appendingPathComponent("2025.zip")
        let export = try ArchiveCommand.run([
            "archive", "export", "--year", "2025", "--out", out.path, "--archive", path,
        ])
        #expect(
            export.status == 2 && export.error.contains("已损坏或被改动") && !FileManager.default.fileExists(atPath: out.path))
    }

    @Test("review, status and find: exit codes and Chinese output")
    func reviewAndStatus() throws {
        let archive = try Archives.sample().location.root.path
        let at = ["--archive", archive]
        let refused = try ArchiveCommand.run(["review", "QC006", "--to", "报送", "--by", "办公室"] + at)
        #expect(refused.status == 1 && refused.error.contains("报送前须经审核或审定"))
        let unknown = try ArchiveCommand.run(["review", "QC999", "--to", "审定", "--by", "党组"] + at)
        #expect(unknown.status == 2 && unknown.error.contains("QC999"))
        let badState = try ArchiveCommand.run(["review", "QC006", "--to", "通过", "--by", "党组"] + at)
        #expect(badState.status == 2 && badState.error.contains("下发草稿、已交回、审核、审定、报送、归档"))
        #expect(
            try ArchiveCommand.run(["archive", "add", Returned.directory.appendingPathComponent("ok.odt").path] + at)
                .status == 0)
        let approved = try ArchiveCommand.run(
            ["review", "黄志刚", "--to", "审定", "--by", "县司法局党组", "--note", "党组会议研究"] + at)
        #expect(approved.status == 0 && approved.output.contains("已记录：黄志刚（QC006"))
        let trail = try ArchiveCommand.run(["review", "QC006"] + at)
        #expect(trail.output.contains("审定  县司法局党组  党组会议研究"))
        let status = try ArchiveCommand.run(["status", "--unit", "司法"] + at)
        #expect(status.status == 0 && status.output.contains("2025年度述职述法进度") && status.output.contains("县司法局"))
        let none = try ArchiveCommand.run(["archive", "find", "并不存在的词语"] + at)
        #expect(none.status == 1 && none.output == "没有找到\n")
        let notArchive = try ArchiveCommand.run(["archive", "find", "黄志刚", "--archive", Repo.temporaryDirectory().path])
        #expect(notArchive.status == 2 && notArchive.error.contains("不是档案库"))
        let several = try ArchiveCommand.run(["archive", "add", Returned.directory.path, "--leader", "QC007"] + at)
        #expect(several.status == 2 && several.error.contains("--leader 只能用于一份交回的报告"))
        let help = try ArchiveCommand.run(["archive", "add", "--help"])
        #expect(help.output.contains("归档") && help.output.contains("退出码"))
    }
}
