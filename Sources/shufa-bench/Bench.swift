import ArgumentParser
import Foundation
import ShufaArchive
import ShufaKit
import ShufaTally

/// shufa's benchmark: documents per second and peak memory for final reports, .fodt and .odt, on synthetic
/// rosters of 1,000 and 10,000 leaders with realistic Chinese texts, and each stage against its peer in the same
/// run. Run from the repository root: `swift build -c release && .build/release/shufa-bench`. Each measurement
/// runs in its own process, so its peak memory is its own.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shufa-bench",
        abstract: "shufa 的性能测量：每秒文书数和峰值内存，并在同一次运行中与同类工具对比。",
        discussion: "在仓库根目录运行：swift build -c release && .build/release/shufa-bench。不加选项时依次运行全部测量。")

    @Flag(help: "打印：200 份报告和 200 份考核评议表，shufa print 对比每个文件一个 soffice（需要 LibreOffice）。")
    var print = false

    @Flag(help: "Word 副本：--documents 份报告的 .docx，对比一个 soffice 转换全部文件和每个文件一个 soffice。")
    var docx = false

    @Option(help: "--docx 的报告份数。")
    var documents = 200

    @Option(help: "读取 N 人的合成名单（CSV 与 XLSX），每秒行数。")
    var rosters: Int?

    @Option(help: "统计 N 行逐票录入的测评，对比 Python 的 csv 与 Counter。")
    var tally: Int?

    @Option(help: "把 N 份文书归档，再计时各种查找。")
    var archive: Int?

    @Option(help: "检查 N 份生成的 .odt 报告（全部规则）。")
    var check: Int?

    @Flag(help: "整个进程对比：shufa build 对 relatorio，shufa check 对 xmllint --relaxng（各取三次的中位数）。")
    var compare = false

    @Option(help: "生成 N 人名单的报告（CSV 名单、.odt、检查开启）：时间和峰值内存。")
    var scale: Int?

    /// One measurement of the default run, in a process of its own: `count` reports in `format`.
    @Option(help: .private) var one: Int?
    @Option(help: .private) var format: String = "fodt"
    @Flag(help: .private) var renderOnly = false

    func run() throws {
        if let one {
            guard let format = OutputFormat(rawValue: format) else { throw ValidationError("--format: fodt|odt") }
            return try Self.measureOne(count: one, format: format, write: !renderOnly)
        }
        let shufa = Comparison.sibling("shufa")
        if print { return try Self.measurePrinting() }
        if docx { return try Self.measureWordCopies(count: documents) }
        if let rosters { return try Self.measureRosters(count: rosters) }
        if let tally { return try Self.measureTally(rows: tally) }
        if let archive { return try Self.measureArchive(documents: archive) }
        if let check { return try Self.measureChecks(count: check) }
        if compare { return try Comparison.run(shufa: shufa) }
        if let scale { return try Comparison.scale(scale, shufa: shufa) }
        try Self.everything(shufa: shufa)
    }

    /// Every measurement in turn, each in a process of its own.
    static func everything(shufa: String) throws {
        Swift.print("shufa-bench: final reports (述职述法报告), render + write + SHA-256, "
                    + "\(ProcessInfo.processInfo.activeProcessorCount) cores")
        Swift.print("leaders   format   documents/s   render-only/s   peak memory")
        fflush(nil)
        let builds = [1_000, 10_000].flatMap { count in
            OutputFormat.allCases.map { ["--one", "\(count)", "--format", $0.rawValue] }
        }
        let children =
            builds + [["--check", "1000"], ["--rosters", "10000"], ["--tally", "100000"], ["--archive", "100000"]]
        for arguments in children {
            _ = try ChildProcess.run(CommandLine.arguments[0], arguments, .init(streams: .inherit))
        }
        try Comparison.run(shufa: shufa)
        for count in [10_000, 100_000] { try Comparison.scale(count, shufa: shufa) }
    }

    /// `shufa tally` on `rows` ballots typed one per row (500 leaders), against a plain Python count of the same
    /// file (csv module and a Counter: counting only, no checks or grading) in the same run.
    static func measureTally(rows: Int) throws {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let templates = root.appendingPathComponent("templates")
        let catalog = try Catalog.load(from: templates.appendingPathComponent("catalog.yaml"))
        let rules = try TallyRules.load(from: templates.appendingPathComponent("catalog.yaml"), catalog: catalog)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("shufa-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let rosterURL = directory.appendingPathComponent("roster.csv")
        try Data(RosterBenchmark.syntheticRoster(rows: 500, format: .csv, catalog: catalog)).write(to: rosterURL)
        let roster = try RosterReader(catalog: catalog).read(rosterURL)
        let ballots = directory.appendingPathComponent("ballots.csv")
        try Data(TallyBenchmark.syntheticBallots(rows: rows, roster: roster, rules: rules)).write(to: ballots)
        let measurement = try TallyBenchmark.measure(
            ballots: ballots, roster: roster, rosterFile: rosterURL, rules: rules,
            templates: templates, output: directory.appendingPathComponent("out"))
        Swift.print(String(format: "tally: %@, peak %.1f MB", measurement.description, peakMemoryMB()))
        Swift.print("tally: python3 csv + Counter (counting only) on the same file: \(try pythonCount(ballots))")
    }

    /// The peer: Python's csv module and a Counter over (评价主体, 编号, 等次), best of three, in seconds.
    static func pythonCount(_ file: URL) throws -> String {
        let script = """
            import csv, collections, sys, time
            best = 1e9
            for _ in range(3):
                start = time.perf_counter()
                with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
                    counts = collections.Counter((r["评价主体"], r["编号"], r["等次"]) for r in csv.DictReader(f))
                best = min(best, time.perf_counter() - start)
            Swift.print("%.3f s = %.0f rows/s" % (best, sum(counts.values()) / best))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Printing 200 reports and 200 forms through `shufa print` against one `soffice` per file
    /// (needs LibreOffice; run alone with `shufa-bench --print`).
    static func measurePrinting() throws {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let configuration = PrintBenchmark.Configuration(roster: root.appendingPathComponent("samples/roster.json"),
                                                         templates: root.appendingPathComponent("templates"),
                                                         fontConfig: root.appendingPathComponent("fonts/fonts.conf"))
        for result in try PrintBenchmark.run(
            configuration, log: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
        {
            Swift.print("print: \(result)")
        }
    }

    /// An archive of `documents` documents: adding them, then finding by name, unit, year, grade and text.
    static func measureArchive(documents: Int) throws {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let catalog = try Catalog.load(from: root.appendingPathComponent("templates/catalog.yaml"))
        let sample = try RosterReader(catalog: catalog).read(root.appendingPathComponent("samples/roster.json"))
        let roster = { (count: Int) in Synthetic.roster(count: count, from: sample) }
        try ArchiveBenchmark.run(root: root, documents: documents, roster: roster) { line in
            Swift.print(line)
            fflush(nil)
        }
    }

    /// `--format docx` on `count` reports against one soffice for all files and one soffice per file.
    static func measureWordCopies(count: Int) throws {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let result = try WordBenchmark.run(
            roster: root.appendingPathComponent("samples/roster.json"),
            templates: root.appendingPathComponent("templates"),
            fontConfig: root.appendingPathComponent("fonts/fonts.conf"), batchSize: count,
            log: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
        Swift.print("docx: \(result)")
    }

    /// Reading a `count`-leader roster as CSV and as XLSX, rows per second.
    static func measureRosters(count: Int) throws {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let catalog = try Catalog.load(from: root.appendingPathComponent("templates/catalog.yaml"))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "shufa-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for format in [RosterFormat.csv, .xlsx] {
            let url = directory.appendingPathComponent("roster.\(format.rawValue)")
            try Data(RosterBenchmark.syntheticRoster(rows: count, format: format, catalog: catalog)).write(to: url)
            Swift.print("roster: \(try RosterBenchmark.measureRead(url, catalog: catalog))")
        }
    }

    /// `shufa check` as a batch: every rule, schema included (parsed once), on `count` reports.
    static func measureChecks(count: Int) throws {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("shufa-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let request = BuildRequest(roster: root.appendingPathComponent("samples/roster.json"),
            templates: root.appendingPathComponent("templates"), output: out, formats: [.odt], kinds: [.report])
        let builder = try BatchBuilder(request)
        let roster = Synthetic.roster(
            count: count, from: try RosterReader(catalog: builder.catalog).read(request.roster))
        let files = builder.build(roster).documents.map { out.appendingPathComponent($0.path) }
        guard let schemas = SchemaLocator.find(nil) else {
            return Swift.print("check: schemas not found (set SHUFA_SCHEMAS)")
        }
        let checker = ReportChecker(catalog: builder.catalog, validator: try ODFValidator(schemaDirectory: schemas))
        let start = Date()
        var errors = 0
        for file in files {
            errors += try checker.check(try ODFParts.read(file), path: file.path).hasErrors ? 1 : 0
        }
        let seconds = Date().timeIntervalSince(start)
        Swift.print(String(format: "check: %d .odt reports in %.2f s = %.0f documents/s (%d with errors), peak %.1f MB",
                     files.count, seconds, Double(files.count) / seconds, errors, peakMemoryMB()))
    }

    /// One measurement: build `count` reports in `format` into a temporary folder.
    static func measureOne(count: Int, format: OutputFormat, write: Bool) throws {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("shufa-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let request = BuildRequest(roster: root.appendingPathComponent("samples/roster.json"),
                                   templates: root.appendingPathComponent("templates"), output: out,
                                   formats: [format], kinds: [.report])
        let builder = try BatchBuilder(request)
        let sample = try RosterReader(catalog: builder.catalog).read(request.roster)
        let roster = Synthetic.roster(count: count, from: sample)
        let renderRate = measureRender(builder, roster: roster, format: format)
        guard write else { return Swift.print(String(format: "render only: %.0f documents/s", renderRate)) }
        let start = Date()
        let summary = builder.build(roster)
        let seconds = Date().timeIntervalSince(start)
        let rate = Double(summary.documents.count) / seconds
        Swift.print(
            String(
                format: "%7d   %-6@   %11.0f   %13.0f   %8.1f MB", count, format.rawValue, rate, renderRate,
                peakMemoryMB()))
        fflush(nil)
    }

    /// Documents per second for rendering alone (no disk), on all cores.
    static func measureRender(_ builder: BatchBuilder, roster: Roster, format: OutputFormat) -> Double {
        let catalog = builder.catalog, templates = builder.templates
        let start = Date()
        DispatchQueue.concurrentPerform(iterations: roster.leaders.count) { index in
            let leader = roster.leaders[index]
            let role = catalog.role(named: leader.role)!
            let template = templates.template(.report, for: role)!
            let bytes = template.render(DocumentData.leader(leader, role: role, roster: roster),
                meta: DocumentData.meta(.report, leader: leader, roster: roster), format: format)
            precondition(!bytes.isEmpty)
        }
        return Double(roster.leaders.count) / Date().timeIntervalSince(start)
    }

    /// The process's peak resident memory (VmHWM), in MB.
    static func peakMemoryMB() -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        return kilobytes / 1024
    }
}
