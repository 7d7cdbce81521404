import Foundation
import ShufaKit
import ShufaTally

/// The filled 测评录入表 (or a ballot file) a clerk uploads: tallied as `shufa tally` does (with the roster in
/// use), the results kept for the page and the grades archived.
struct TallyIntake {
    let desk: Desk

    func receive(_ upload: StoredUpload, account: Account, roster: RosterRecord?) async throws -> TallyRecord {
        let folder = desk.folder
        let scratch = try folder.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let input = try upload.namedCopy(in: folder, scratch: scratch)
        let rosterFolder = scratch.appendingPathComponent("roster")
        try FileManager.default.createDirectory(at: rosterFolder, withIntermediateDirectories: true)
        let rosterCopy = try roster?.upload.namedCopy(in: folder, scratch: rosterFolder)
        let request = TallyRequest(
            input: input, roster: rosterCopy, templates: desk.configuration.templates, output: folder.tally)
        let report = try await Blocking.run { () throws -> TallyReport in
            do { return try TallyRun(request).run() } catch { throw DeskError.tally("\(error)") }
        }
        let record = Self.record(report, upload: upload, account: account)
        let desk = self.desk
        _ = try await Blocking.run {
            try desk.archiveAdd(
                [folder.tally.appendingPathComponent("tally.json")], options: desk.collectOptions(year: record.year),
                account: account)
        }
        try desk.state.setTally(record)
        desk.journal.record(
            account: account.name, action: "tally",
            detail: "统计 \(upload.name)：计入 \(record.leaders.count) 人，\(record.errors) 处未计入", sha256: upload.sha256)
        return record
    }

    static func record(_ report: TallyReport, upload: StoredUpload, account: Account) -> TallyRecord {
        let result = report.result
        let rows = result.leaders.map { leader in
            TallyRow(
                rank: leader.rank, id: leader.leader.id, name: leader.leader.name, unit: leader.leader.unit,
                series: leader.series, composite: String(format: "%.2f", leader.composite), grade: leader.gradeText,
                rule: TallyWords.rule(leader.rule))
        }
        let series = result.series.map { series in
            var counts = report.rules.grades.map { GradeCount(grade: $0, count: series.counts[$0] ?? 0) }
            let tied = series.ties.reduce(0) { $0 + $1.leaders.count }
            if tied > 0 { counts.append(GradeCount(grade: "待定", count: tied)) }
            return SeriesRow(
                name: series.name, leaders: series.leaders.count,
                quotaUse: TallyWords.quotaUse(series, rules: report.rules), counts: counts)
        }
        let files = report.documents.map { document in
            DeskFile(
                sha256: document.sha256, path: "tally/\(document.path)", name: BatchJob.name(document.path),
                leader: document.leader, unit: document.unit,
                kind: document.kind == .form ? "form" : "tally", format: (document.path as NSString).pathExtension)
        }
        return TallyRecord(
            upload: upload, by: account.name, at: DeskClock.now(), year: result.year, leaders: rows, series: series,
            problems: result.problems.map(TallyMessages.line),
            errors: result.problems.filter { $0.severity == .error }.count, files: files)
    }
}
