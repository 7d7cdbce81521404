import Foundation
@testable import ShufaCatalog
import ShufaKit
@testable import ShufaOutput
@testable import ShufaRoster
@testable import ShufaSystem
@testable import ShufaText
@testable import ShufaXML
import Testing


/// A small tmpfs, mounted for a test (the machine must let root mount one; tests that need it are
/// disabled with the reason otherwise).
enum Tmpfs {
    /// Why no tmpfs can be mounted here; nil when one can.
    static let unavailable: String? = {
        guard getuid() == 0 else { return "not root: cannot mount a tmpfs to fill or make read-only" }
        do {
            let probe = try mount(pages: 4)
            unmount(probe)
            return nil
        } catch {
            return "cannot mount a tmpfs here (\(error))"
        }
    }()

    struct Failed: Error, CustomStringConvertible { var description: String }

    /// A new tmpfs of `pages` pages of 4 KiB, read-only when `readOnly`.
    static func mount(pages: Int, readOnly: Bool = false) throws -> URL {
        let point = Repo.temporaryDirectory().appendingPathComponent("mnt")
        try FileManager.default.createDirectory(at: point, withIntermediateDirectories: true)
        let options = "size=\(pages * 4)k,mode=0755" + (readOnly ? ",ro" : "")
        let run = try ChildProcess.run(
            "/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", point.path], .init(timeout: 10))
        guard run.status == 0 else { throw Failed(description: "mount: \(run.error)") }
        return point
    }

    static func unmount(_ point: URL) {
        _ = try? ChildProcess.run("/bin/umount", [point.path], .init(timeout: 10))
    }
}

/// What a build folder says about itself, checked against what is on disk.
/// The journal of a built batch, as summary.json names it.
enum Journal {
    /// The documents the journal lists (as JSON objects); checks that summary.json gives the journal's SHA-256.
    static func documents(in out: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        let summary = try JSONSerialization.jsonObject(
            with: Data(contentsOf: out.appendingPathComponent("summary.json")))
        let object = try #require(summary as? [String: Any], sourceLocation: sourceLocation)
        #expect(object["journal"] as? String == "journal.jsonl", sourceLocation: sourceLocation)
        let data = try Data(contentsOf: out.appendingPathComponent("journal.jsonl"))
        #expect(object["journalSHA256"] as? String == BuiltDocument.digest(Array(data)), sourceLocation: sourceLocation)
        return try data.split(separator: 0x0A).compactMap { line in
            let entry = try JSONSerialization.jsonObject(with: line) as? [String: Any]
            return entry?["document"] as? [String: Any]
        }
    }
}

enum Account {
    /// Expects every document under its final name in `out` to be well-formed, and summary.json, when there
    /// is one, to list only files that are on disk with the SHA-256 it gives. Returns the paths it lists.
    @discardableResult
    static func expectTrue(_ out: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String]? {
        let files = FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String } ?? []
        for path in files where path.hasSuffix(".fodt") && !(path as NSString).lastPathComponent.hasPrefix(".") {
            let bytes = Array(try Data(contentsOf: out.appendingPathComponent(path)))
            #expect(
                (try? XMLDocument(bytes: bytes, source: path)) != nil, "not well-formed: \(path)",
                sourceLocation: sourceLocation)
        }
        let summary = out.appendingPathComponent("summary.json")
        guard FileManager.default.fileExists(atPath: summary.path) else { return nil }
        let documents = try Journal.documents(in: out, sourceLocation: sourceLocation)
        for document in documents {
            let path = try #require(document["path"] as? String, sourceLocation: sourceLocation)
            let bytes = try? Data(contentsOf: out.appendingPathComponent(path))
            #expect(
                bytes.map { BuiltDocument.digest(Array($0)) } == document["sha256"] as? String, "\(path)",
                sourceLocation: sourceLocation)
        }
        return documents.compactMap { $0["path"] as? String }
    }
}

@Suite(
    "Output: nothing escapes --out, nothing corrupts a final name, the account of a batch stays true",
    .timeLimit(.minutes(10)))
struct OutputSafetyTests {
    static func request(_ out: URL, kinds: Set<DocumentKind> = Set(DocumentKind.allCases)) -> BuildRequest {
        BuildRequest(roster: Repo.roster, templates: Repo.templates, output: out, kinds: kinds)
    }

    @Test("symbolic links planted at the old temporary name and at the final name are replaced, never written through")
    func plantedLinks() throws {
        let out = Repo.temporaryDirectory()
        let outside = Repo.temporaryDirectory()
        let victims = (0..<2).map { outside.appendingPathComponent("victim\($0)") }
        for victim in victims { try Data("keep".utf8).write(to: victim) }
        let name = "QC001-周明远-述职述法报告.fodt"
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent("report"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: out.appendingPathComponent("report/.\(name).tmp").path,
            withDestinationPath: victims[0].path)
        try FileManager.default.createSymbolicLink(
            atPath: out.appendingPathComponent("report/\(name)").path,
            withDestinationPath: victims[1].path)
        let summary = try BatchBuilder(Self.request(out, kinds: [.report])).run()
        #expect(summary.faults.isEmpty && summary.documents.contains { $0.path == "report/\(name)" })
        for victim in victims { #expect(try Data(contentsOf: victim) == Data("keep".utf8)) }
        let attributes = try FileManager.default.attributesOfItem(
            atPath: out.appendingPathComponent("report/\(name)").path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        try Account.expectTrue(out)
    }

    @Test("a kind folder that is a symbolic link: refused once with its path, nothing written through it (exit 2)")
    func linkedKindFolder() throws {
        let out = Repo.temporaryDirectory()
        let elsewhere = Repo.temporaryDirectory()
        try FileManager.default.createSymbolicLink(
            atPath: out.appendingPathComponent("form").path, withDestinationPath: elsewhere.path)
        let summary = try BatchBuilder(Self.request(out)).run()
        #expect(summary.faults == [.symbolicLink(out.appendingPathComponent("form").path)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
        let run = try ChildProcess.shufa(["build", "--out", out.path])
        Bounds.expect(run, status: 2, naming: out.appendingPathComponent("form").path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test("--out that is a file: one message with the path, exit 2")
    func outIsAFile() throws {
        let file = Repo.temporaryDirectory().appendingPathComponent("out")
        try Data("x".utf8).write(to: file)
        let run = try ChildProcess.shufa(["build", "--out", file.path])
        Bounds.expect(run, status: 2, naming: file.path)
        #expect(run.error.contains("不是文件夹"))
    }

    @Test(
        "--out on a read-only file system: one message with the path, exit 2",
        .enabled(if: Tmpfs.unavailable == nil, "\(Tmpfs.unavailable ?? "")"))
    func readOnly() throws {
        let point = try Tmpfs.mount(pages: 16, readOnly: true)
        defer { Tmpfs.unmount(point) }
        let run = try ChildProcess.shufa(["build", "--out", point.path])
        Bounds.expect(run, status: 2, naming: point.path)
        #expect(run.error.contains("只读"))
    }

    @Test("--out that is immutable (chattr +i): one message with the path, exit 2")
    func immutable() throws {
        let out = Repo.temporaryDirectory()
        let chattr = try ChildProcess.run("/usr/bin/chattr", ["+i", out.path], .init(timeout: 10))
        guard chattr.status == 0 else {
            print(
                "skipped: cannot make a folder immutable here (\(chattr.error.trimmingCharacters(in: .newlines)))"
            )
            return
        }
        defer { _ = try? ChildProcess.run("/usr/bin/chattr", ["-i", out.path], .init(timeout: 10)) }
        let run = try ChildProcess.shufa(["build", "--out", out.path])
        Bounds.expect(run, status: 2, naming: out.path)
    }

    @Test(
        "a disk that fills up: the batch stops, says so once with the path (exit 2), files whole, account true",
        .enabled(if: Tmpfs.unavailable == nil, "\(Tmpfs.unavailable ?? "")"))
    func diskFull() throws {
        let point = try Tmpfs.mount(pages: 150)
        defer { Tmpfs.unmount(point) }
        let out = point.appendingPathComponent("out")
        let run = try ChildProcess.shufa(["build", "--out", out.path])
        Bounds.expect(run, status: 2, naming: out.path)
        #expect(run.error.contains("磁盘空间已满"))
        let listed = try Account.expectTrue(out)
        let drafts = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("draft").path)
        #expect(!drafts.isEmpty && !drafts.contains { $0.hasPrefix(".shufa-") })
        let onDisk = FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".fodt") } ?? []
        if let listed { #expect(Set(listed) == Set(onDisk) && listed.count == summaryCount(run.output)) }
    }

    /// The number of files the printed summary says were written.
    private func summaryCount(_ output: String) -> Int {
        Int(output.firstMatch(of: /写出 (\d+) 个文件/)?.1 ?? "") ?? -1
    }

    @Test(
        "summary.json that no longer fits on the disk: said with its path, exit 2, no stale or partial summary left",
        .enabled(if: Tmpfs.unavailable == nil, "\(Tmpfs.unavailable ?? "")"))
    func summaryNotWritten() throws {
        let reference = Repo.temporaryDirectory()
        _ = try BatchBuilder(
            BuildRequest(roster: Repo.roster, templates: Repo.templates, output: reference, kinds: [.draft])
        ).run()
        let pages = { (path: String) throws -> Int in
            ((try FileManager.default.attributesOfItem(atPath: reference.appendingPathComponent(path).path)[.size]
                as? Int ?? 0) + 4095) / 4096
        }
        let drafts = try FileManager.default.contentsOfDirectory(atPath: reference.appendingPathComponent("draft").path)
        let needed = try drafts.reduce(0) { $0 + (try pages("draft/\($1)")) }
        let summaryPages = try pages("summary.json")
        let point = try Tmpfs.mount(pages: needed + summaryPages - 1)
        defer { Tmpfs.unmount(point) }
        let out = point.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data(#"{"documents":[{"path":"draft/old.fodt","sha256":"0"}]}"#.utf8).write(
            to: out.appendingPathComponent("summary.json"))
        let run = try ChildProcess.shufa(["build", "--kinds", "draft", "--out", out.path, "--no-check"])
        Bounds.expect(run, status: 2, naming: out.appendingPathComponent("summary.json").path)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("summary.json").path))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("draft").path).sorted()
                == drafts.sorted())
        try Account.expectTrue(out)
    }

    @Test(
        "two builds into one folder at once: the second is refused (exit 2, path named); no file mixed, summary true"
    )
    func concurrentBuilds() throws {
        let out = Repo.temporaryDirectory()
        for round in 0..<4 {
            let runs = try (0..<2).map { _ in
                let process = Process()
                process.executableURL = try ChildProcess.executable()
                process.arguments = [
                    "build", "--out", out.path, "--no-check", "--format", round % 2 == 0 ? "fodt" : "both",
                ]
                process.currentDirectoryURL = Repo.root
                let error = Pipe()
                process.standardOutput = FileHandle.nullDevice
                process.standardError = error
                try process.run()
                return (process, error)
            }
            for (process, error) in runs {
                let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect([0, 2].contains(process.terminationStatus), "\(message)")
                if process.terminationStatus == 2 {
                    #expect(message.contains("另一个 shufa 正在写入 \(out.path)"), "\(message)")
                }
            }
            let listed = try #require(try Account.expectTrue(out))
            #expect(listed.count >= 76)
        }
        let leftovers = FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String }.filter {
            $0.hasSuffix(".tmp")
        }
        #expect(leftovers == [])
    }

    @Test(
        "kill -9 during a build: no half-written file under a final name, no stale summary; a re-run completes it"
    )
    func killedBuild() throws {
        let folder = Repo.temporaryDirectory()
        let out = folder.appendingPathComponent("out")
        let roster = folder.appendingPathComponent("roster.json")
        try Self.roster(leaders: 400).write(to: roster)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data(
            #"{"documents":[{"kind":"draft","path":"draft/old.fodt","sha256":"0","unit":"x"}],"problems":[]}"#.utf8
        )
        .write(to: out.appendingPathComponent("summary.json"))
        let process = Process()
        process.executableURL = try ChildProcess.executable()
        process.arguments = ["build", roster.path, "--out", out.path, "--no-check"]
        process.currentDirectoryURL = Repo.root
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let drafts = out.appendingPathComponent("draft")
        let start = Date()
        while ((try? FileManager.default.contentsOfDirectory(atPath: drafts.path))?.count ?? 0) < 50
            && process.isRunning
            && Date().timeIntervalSince(start) < Bounds.seconds
        { usleep(2_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the build finished before it could be killed")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("summary.json").path))
        #expect(try Account.expectTrue(out) == nil)
        let rerun = try ChildProcess.shufa(["build", roster.path, "--out", out.path, "--no-check"], timeout: 120)
        #expect(rerun.status == 0, "\(rerun.error)")
        let listed = try #require(try Account.expectTrue(out))
        let onDisk = FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String } ?? []
        let documents = onDisk.filter { $0.contains("/") && !($0 as NSString).lastPathComponent.hasPrefix(".") }
        #expect(Set(listed) == Set(documents))
        #expect(!onDisk.contains { $0.hasSuffix(".tmp") })
    }

    /// A JSON roster of `leaders` leaders: the sample's first leader under new ids and names.
    static func roster(leaders count: Int) throws -> Data {
        var sample = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Repo.roster)) as? [String: Any])
        let first = try #require((sample["leaders"] as? [[String: Any]])?.first)
        sample["leaders"] = (0..<count).map { index in
            first.merging(["id": String(format: "K%04d", index), "name": "测试\(index)", "unit": "单位\(index % 20)"]) {
                $1
            }
        }
        return try JSONSerialization.data(withJSONObject: sample)
    }

    @Test("a name of one letter and 400 combining accents: a file name within 255 bytes, the document written")
    func longGraphemeName() throws {
        let name = "a" + String(repeating: "\u{301}", count: 400)
        #expect(name.count == 1 && name.utf8.count == 801)
        let stem = OutputFiles.uniqueNames(["T1-\(name)"])[0]
        #expect(
            stem.utf8.count <= OutputFiles.maximumBytes
                && stem.unicodeScalars.starts(with: "T1-a\u{301}".unicodeScalars))
        let folder = Repo.temporaryDirectory()
        let roster = folder.appendingPathComponent("roster.csv")
        try Data(Rosters.csv("T1,\(name),县司法局,局长,部门主要负责人,2025,4").utf8).write(to: roster)
        let summary = try BatchBuilder(
            BuildRequest(
                roster: roster, templates: Repo.templates, output: folder.appendingPathComponent("out"),
                kinds: [.draft, .ballot])
        ).run()
        #expect(summary.problems.isEmpty && summary.documents.count == 2)
        for document in summary.documents { #expect((document.path as NSString).lastPathComponent.utf8.count <= 255) }
        let tooLong = String(repeating: "\u{301}", count: RosterReader.maximumShortTextLength)
        let refused = try Rosters.read(Rosters.csv("T1,a\(tooLong),县司法局,局长,部门主要负责人,2025,4"))
        #expect(refused.leaders.isEmpty && refused.problems.first?.message.contains("501 个 Unicode 码位") == true)
    }

    @Test("many writers of one file at once: unique temporary names, the final file always one writer's whole bytes")
    func concurrentWrites() throws {
        let folder = try OutputFolder(Repo.temporaryDirectory())
        let contents = (0..<8).map { writer in Array(repeating: UInt8(65 + writer), count: 50_000 + writer) }
        DispatchQueue.concurrentPerform(iterations: 8) { writer in
            for _ in 0..<40 { try? folder.write(contents[writer], to: "form/same.fodt") }
        }
        let final = Array(try Data(contentsOf: folder.url.appendingPathComponent("form/same.fodt")))
        #expect(contents.contains(final))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("form").path) == [
                "same.fodt"
            ])
        #expect(throws: OutputError.busy(folder.url.path)) { try OutputFolder(folder.url) }
    }

    @Test("every way of writing a file (unnamed, linked by descriptor or /proc; named, renamed) leaves its bytes only")
    func everyWayOfWriting() throws {
        var modes: [Int?] = []
        for way in [OutputFiles.Way.unnamed, .unnamedThroughProc, .named] {
            let url = Repo.temporaryDirectory()
            let folder = open(url.path, O_RDONLY | O_DIRECTORY)
            defer { close(folder) }
            for (round, size) in [0, 1, 70_000].enumerated() {
                let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ round) }
                try OutputFiles.write(bytes, named: "a.odt", in: folder, path: "a.odt", way: way)
                #expect(Array(try Data(contentsOf: url.appendingPathComponent("a.odt"))) == bytes, "\(way)")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: url.path) == ["a.odt"], "\(way)")
            let file = url.appendingPathComponent("a.odt").path
            modes.append(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
        }
        #expect(modes[0] != nil && Set(modes).count == 1, "the same permissions every way")
    }

    @Test("names made from scalars (simple text) are those made from characters: ids, names, dots, spaces, limits")
    func simpleNames() {
        var generator = SeededGenerator(seed: 17)
        let pieces = ["S00", "7", "-", "王建国", "欧阳", ".", " ", "\u{3000}", "\u{2000}", "\u{2001}", "\u{200B}", "\u{A0}",
                      "/", ":", "*", "\"", "<", "|", "\u{1}", "\t", "\n", "e", "É", "ß", "ﬁ", "Ａ", "ｶ", "①", "con",
                      "COM1",
                      String(repeating: "长", count: 70), "a.b", "（副）"]
        for _ in 0..<4_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            for limit in [OutputFiles.maximumLength, OutputFiles.maximumStemLength, 3] {
                guard let simple = OutputFiles.simpleSafeName(text, limit: limit) else { continue }
                #expect(simple == OutputFiles.characterSafeName(text, limit: limit), "\(text.debugDescription)")
            }
            #expect(UniqueNames.collisionKey(text) == text.precomposedStringWithCanonicalMapping.lowercased(),
                    "\(text.debugDescription)")
        }
        #expect(OutputFiles.simpleSafeName("S00001-王建国", limit: 40) == "S00001-王建国")
    }

    @Test("a private folder is readable by its owner only, and gone once removed")
    func privateFolder() throws {
        let folder = try PrivateFolder(prefix: "shufa-test")
        let mode = try FileManager.default.attributesOfItem(atPath: folder.url.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        try Data("x".utf8).write(to: folder.url.appendingPathComponent("document.odt"))
        folder.remove()
        #expect(!FileManager.default.fileExists(atPath: folder.url.path))
    }
}
