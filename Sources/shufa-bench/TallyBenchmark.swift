import Foundation
import ShufaKit
import ShufaTally

/// Measures the tally on ballots typed one per row (the largest input it reads): a synthetic roster and
/// ballot file, read, checked, scored and graded (best of a few repetitions), then the whole `shufa tally`
/// (its `TallyRun`: reading, tallying and writing every output) once.
/// For `shufa-bench --tally N`.
enum TallyBenchmark {
    struct Measurement: Sendable, CustomStringConvertible {
        var rows: Int
        var leaders: Int
        var bytes: Int
        /// Reading, checking, scoring and grading: the fastest repetition.
        var tallySeconds: Double
        /// The whole run: reading, tallying and writing every output (汇总表 .xlsx/.ods, summary .fodt, one
        /// 考核评议表 per leader, tally.json).
        var runSeconds: Double
        var rowsPerSecond: Double { Double(rows) / tallySeconds }

        var description: String {
            String(
                format: "%d ballot rows (%d leaders, %.1f MiB CSV): read + tally %.3f s = %.0f rows/s; "
                    + "whole run with outputs %.2f s",
                rows, leaders, Double(bytes) / 1_048_576, tallySeconds, rowsPerSecond, runSeconds)
        }
    }

    /// A ballot file of about `rows` rows for `roster`: every leader rated by 100 ballots per 评价主体
    /// (the leaders cycled until the rows are reached), grades drawn from a fixed pseudo-random sequence.
    static func syntheticBallots(rows: Int, roster: Roster, rules: TallyRules) -> [UInt8] {
        var text = "\u{FEFF}评价主体,票号,编号,等次\n"
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let marks = rules.grades + rules.grades.prefix(2) + [""]
        var written = 0
        outer: for subject in rules.subjects.map(\.name) {
            for ballot in 1...max(1, rows / max(1, roster.leaders.count * rules.subjects.count)) {
                for leader in roster.leaders {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    text += "\(subject),\(ballot),\(leader.id),\(marks[Int(state >> 33) % marks.count])\n"
                    written += 1
                    if written == rows { break outer }
                }
            }
        }
        return Array(text.utf8)
    }

    /// Tallies `ballots` with `roster` (read from `rosterFile`) `repetitions` times, then runs the whole tally
    /// into `output` once.
    static func measure(
        ballots: URL, roster: Roster, rosterFile: URL, rules: TallyRules, templates: URL, output: URL,
        repetitions: Int = 3
    ) throws -> Measurement {
        let data = try Data(contentsOf: ballots)
        var best = Double.infinity
        var result: TallyResult?
        for _ in 0..<repetitions {
            let start = Date()
            let input = try TallyInputReader(rules: rules, roster: roster).read(data, file: ballots.lastPathComponent)
            result = TallyCalculator(rules: rules).tally(input, file: ballots.lastPathComponent)
            best = min(best, Date().timeIntervalSince(start))
        }
        let start = Date()
        _ = try TallyRun(TallyRequest(input: ballots, roster: rosterFile, templates: templates, output: output)).run()
        let rows = String(decoding: data, as: UTF8.self).split(separator: "\n").count - 1
        return Measurement(
            rows: rows, leaders: result!.leaders.count, bytes: data.count, tallySeconds: best,
            runSeconds: Date().timeIntervalSince(start))
    }
}
