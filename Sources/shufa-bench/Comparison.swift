import Foundation
import ShufaKit

/// Whole processes side by side in one run, median of three, on the same files: `shufa build` (final reports
/// as .odt, checks on) against relatorio, `shufa check` against `xmllint --relaxng` alone, and what this disk
/// does with the same write pattern (a temporary file, written and renamed, one flush at the end).
enum Comparison {
    /// The shufa executable built beside this benchmark (`swift build -c release`).
    static func sibling(_ name: String) -> String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name).path
    }

    static let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

    /// The Python of the virtual environment with relatorio (`.bench/venv`, made when missing).
    static func relatorioPython() -> String? {
        let venv = root.appendingPathComponent(".bench/venv")
        let python = venv.appendingPathComponent("bin/python").path
        if !FileManager.default.fileExists(atPath: python) {
            _ = try? ChildProcess.timed("python3", ["-m", "venv", venv.path])
            _ = try? ChildProcess.timed(venv.appendingPathComponent("bin/pip").path, ["install", "-q", "relatorio"])
        }
        return (try? ChildProcess.timed(python, ["-c", "import relatorio"]))?.status == 0 ? python : nil
    }

    static func run(shufa: String) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("shufa-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let catalog = try Catalog.load(from: root.appendingPathComponent("templates/catalog.yaml"))
        let sample = try RosterReader(catalog: catalog).read(root.appendingPathComponent("samples/roster.json"))
        let roster = Synthetic.roster(count: 1_000, from: sample)
        let rosterFile = work.appendingPathComponent("roster.json")
        try JSONEncoder().encode(roster).write(to: rosterFile)
        var counter = 0
        let fresh = { () -> String in
            counter += 1
            return work.appendingPathComponent("out\(counter)").path
        }
        var out = ""
        let shufaRuns = try (0..<3).map { _ -> ChildProcess in
            out = fresh()
            return try ChildProcess.timed(
                shufa, ["build", rosterFile.path, "--kinds", "report", "--format", "odt", "--out", out])
        }.sorted { $0.seconds < $1.seconds }
        let shufaBuild = shufaRuns[1]
        let written = try FileManager.default.contentsOfDirectory(atPath: out + "/report").count
        report("build 1000 reports .odt, checks on", shufaBuild, extra: "\(written) files, exit \(shufaBuild.status)")
        if let python = relatorioPython() {
            let script = root.appendingPathComponent("scripts/bench-relatorio.py").path
            let template = root.appendingPathComponent("templates/report.fodt").path
            let relatorio = try (0..<3).map { _ in
                try ChildProcess.timed(python, [script, template, rosterFile.path, fresh()])
            }
                .sorted { $0.seconds < $1.seconds }[1]
            report("relatorio, the same 1000 reports .odt", relatorio, extra: "exit \(relatorio.status)")
            print(String(format: "  shufa build is %.1f× relatorio", relatorio.seconds / shufaBuild.seconds))
        } else {
            print("  relatorio: not installed (python3 -m venv .bench/venv && .bench/venv/bin/pip install relatorio)")
        }
        let bytes = try FileManager.default.contentsOfDirectory(atPath: out + "/report").map {
            (try FileManager.default.attributesOfItem(atPath: out + "/report/" + $0)[.size] as? Int) ?? 0
        }
        let limit = diskLimit(files: 1_000, size: bytes.reduce(0, +) / max(1, bytes.count), in: work)
        print(
            String(
                format: "  this disk, same write pattern (%d B files, temporary + rename, one syncfs): %.0f files/s",
                bytes.reduce(0, +) / max(1, bytes.count), limit))
        try compareCheck(shufa: shufa, roster: rosterFile, work: work)
    }

    /// `shufa check` of 1000 generated .fodt against `xmllint --noout --relaxng` with the same schema.
    static func compareCheck(shufa: String, roster: URL, work: URL) throws {
        let out = work.appendingPathComponent("fodt").path
        _ = try ChildProcess.timed(
            shufa, ["build", roster.path, "--kinds", "report", "--format", "fodt", "--out", out, "--no-check"])
        let files = try FileManager.default.contentsOfDirectory(atPath: out + "/report").sorted().map {
            out + "/report/" + $0
        }
        let check = try ChildProcess.median(3, shufa, ["check", "--json"] + files)
        report("check \(files.count) .fodt reports", check, extra: "exit \(check.status)")
        guard let schemas = SchemaLocator.find(nil) else { return print("  xmllint: schemas not found") }
        let schema = schemas.appendingPathComponent("OpenDocument-v1.3-schema.rng").path
        let xmllint = try ChildProcess.median(3, "xmllint", ["--noout", "--relaxng", schema] + files)
        report("xmllint --noout --relaxng, the same files", xmllint, extra: "exit \(xmllint.status)")
        print(String(format: "  shufa check is %.2f× xmllint", xmllint.seconds / check.seconds))
    }

    /// `shufa build` of `count` leaders from a CSV roster (final reports as .odt, checks on): time, peak
    /// memory, and the size of what summarises the batch.
    static func scale(_ count: Int, shufa: String) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("shufa-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let catalog = try Catalog.load(from: root.appendingPathComponent("templates/catalog.yaml"))
        let sample = try RosterReader(catalog: catalog).read(root.appendingPathComponent("samples/roster.json"))
        let csv = work.appendingPathComponent("roster.csv")
        try writeCSV(Synthetic.roster(count: count, from: sample), to: csv)
        let size = (try FileManager.default.attributesOfItem(atPath: csv.path)[.size] as? Int) ?? 0
        let out = work.appendingPathComponent("out").path
        let run = try ChildProcess.timed(
            shufa, ["build", csv.path, "--kinds", "report", "--format", "odt", "--out", out])
        let summary = (try? FileManager.default.attributesOfItem(atPath: out + "/summary.json")[.size] as? Int) ?? 0
        let journal = (try? FileManager.default.attributesOfItem(atPath: out + "/journal.jsonl")[.size] as? Int) ?? 0
        report(String(format: "build %d leaders from a %.0f MB CSV, .odt, checks on", count, Double(size) / 1e6), run,
               extra: String(format: "exit %d, summary.json %.1f KB, journal.jsonl %.1f MB", run.status,
                             Double(summary) / 1e3, Double(journal) / 1e6))
    }

    /// The roster as a UTF-8 CSV file: one row per leader, the texts of the sample (述职 its first paragraph).
    static func writeCSV(_ roster: Roster, to url: URL) throws {
        let quote = { (text: String) in "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var chunk = "编号,姓名,单位,职务,类别,年度,组织,述职内容,述法内容,存在问题,改进措施\n"
        for leader in roster.leaders {
            let cells = [leader.id, leader.name, leader.unit, leader.position, leader.role, String(roster.year),
                         roster.organization, leader.duty.first ?? "", leader.law, leader.problems.first ?? "",
                         leader.measures.first ?? ""]
            chunk += cells.map(quote).joined(separator: ",") + "\n"
            if chunk.utf8.count > 1 << 20 {
                handle.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        handle.write(Data(chunk.utf8))
    }

    /// Files per second this disk takes with shufa's write pattern, in a new folder: on both cores, each file a
    /// new temporary name created exclusively, written, renamed to its name; one `syncfs` at the end.
    static func diskLimit(files: Int, size: Int, in work: URL) -> Double {
        let folder = work.appendingPathComponent("disk-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY)
        defer { close(descriptor) }
        let bytes = [UInt8](repeating: 0x61, count: size)
        let start = Date()
        DispatchQueue.concurrentPerform(iterations: files) { index in
            let temporary = ".tmp-\(index)"
            let file = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            _ = bytes.withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
            close(file)
            renameat(descriptor, temporary, descriptor, "file-\(index).odt")
        }
        _ = benchSyncfs(descriptor)
        return Double(files) / Date().timeIntervalSince(start)
    }

    static func report(_ what: String, _ child: ChildProcess, extra: String) {
        print(String(format: "%@: %.2f s, peak %.1f MB (%@)", what, child.seconds, child.peakMB, extra))
        fflush(nil)
    }
}

@_silgen_name("syncfs")
private func benchSyncfs(_ descriptor: Int32) -> Int32
