import Foundation
import ShufaArchive
import ShufaKit

/// The archive's benchmark (`shufa-bench --archive N`): an archive of `documents` real shufa documents
/// (twenty years of a synthetic county, each year built as .fodt and .odt and archived with `archive add`'s
/// own code, with a tally's grades), then `archive find` for names, units, years, grades and words of the
/// text, against `grep -rlF` over the same Flat XML files — what a clerk without the archive would do.
enum ArchiveBenchmark {
    static let years = 2006...2025

    /// Runs it from the repository `root` (templates, sample roster); `roster(count)` makes a synthetic
    /// roster of `count` leaders; `log` prints a line.
    static func run(
        root: URL, documents: Int, roster makeRoster: (Int) -> Roster,
        log: (String) -> Void
    ) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "shufa-bench-archive-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let archive = try DocumentArchive(work.appendingPathComponent("archive"), create: true)
        let request = BuildRequest(
            roster: root.appendingPathComponent("samples/roster.json"),
            templates: root.appendingPathComponent("templates"), output: work, formats: [.fodt, .odt])
        let builder = try BatchBuilder(request)
        let options = CollectOptions(checker: ReportChecker(catalog: builder.catalog, validator: nil))
        var leaders = 0
        var added = 0
        var seconds = 0.0
        for year in years {
            let remaining = documents - added
            guard remaining > 0 else { break }
            // About 6.8 documents per leader in both formats; the years before tell the exact rate.
            let perLeader = leaders == 0 ? 6.8 : Double(added) / Double(leaders)
            let wanted = Double(remaining) / Double(years.upperBound - year + 1) / perLeader
            var roster = makeRoster(max(Int(wanted.rounded()), 1))
            roster.year = year
            let folder = work.appendingPathComponent("built/\(year)")
            var yearRequest = request
            yearRequest.output = folder
            _ = try BatchBuilder(yearRequest).build(roster)
            let start = Date()
            var collected = InputCollector(options: options, archive: archive).collect([folder])
            collected.grades = grades(roster, year: year)
            let report = try ArchiveAdder(archive: archive).add(collected)
            seconds += Date().timeIntervalSince(start)
            leaders += roster.leaders.count
            added += report.recordedTotal
        }
        log(
            String(
                format:
                    "archive: %d documents of %d leader-years added in %.1f s = %.0f documents/s"
                    + " (read, check, store, index)",
                added, leaders, seconds, Double(added) / seconds))
        let index = (try? FileManager.default.attributesOfItem(atPath: archive.location.index.path)[.size] as? Int) ?? 0
        log(
            String(
                format:
                    "archive: index %.0f MB; find, median of 20 runs (first run), against grep -rlF on the .fodt"
                    + " files:",
                Double(index) / 1_048_576))
        log("query                          matches   find median   find first   grep -rlF")
        for query in queries {
            log(try measure(query, archive: archive, built: work.appendingPathComponent("built")))
        }
    }

    /// What is looked for: a name, two characters of one, a 编号, a unit, a year with a grade, words of the text
    /// (one in every report, one two characters long and everywhere, one rare, one two characters), a single
    /// character, and words together.
    static let queries = [
        "周志强", "王建", "S00042", "县司法局3", "2019 优秀", "行政执法", "法治", "执法人员法治培训学时", "司法",
        "周", "周志强 2020 述职述法报告",
    ]

    static func measure(_ text: String, archive: DocumentArchive, built: URL) throws -> String {
        let search = ArchiveSearch(archive: archive)
        let query = SearchQuery(text, limit: 50)
        var first = Date()
        let result = try search.find(query)
        let firstTime = Date().timeIntervalSince(first)
        var times: [Double] = []
        for _ in 0..<20 {
            first = Date()
            _ = try search.find(query)
            times.append(Date().timeIntervalSince(first))
        }
        times.sort()
        let grep = grepSeconds(text, in: built)
        return String(
            format: "%@%8d   %8.1f ms   %8.1f ms   %@", pad(text, 30), result.total, times[10] * 1000, firstTime * 1000,
            grep.map { String(format: "%7.0f ms", $0 * 1000) } ?? "      —")
    }

    /// `grep -rlF WORD --include=*.fodt` over the built folders (single words only; grep has no year or grade).
    static func grepSeconds(_ text: String, in folder: URL) -> Double? {
        guard !text.contains(" "), !text.hasPrefix("20") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/grep")
        process.arguments = ["-rlF", "--include=*.fodt", text, folder.path]
        process.standardOutput = FileHandle.nullDevice
        let start = Date()
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return Date().timeIntervalSince(start)
    }

    /// Grades for a year's leaders, as a tally would give them: a fifth 优秀, a few 一般 and 较差.
    static func grades(_ roster: Roster, year: Int) -> [LeaderGrade] {
        let names = ["优秀", "良好", "良好", "良好", "优秀", "良好", "一般", "良好", "良好", "较差"]
        return roster.leaders.enumerated().map { index, leader in
            LeaderGrade(
                year: year, leader: leader.id, series: nil, composite: Double(100 - index % 40),
                grade: names[index % names.count],
                rule: nil, file: "tally.json")
        }
    }

    /// Text padded to `width` display columns (a Chinese character takes two).
    static func pad(_ text: String, _ width: Int) -> String {
        let used = text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
        return text + String(repeating: " ", count: max(1, width - used))
    }
}
