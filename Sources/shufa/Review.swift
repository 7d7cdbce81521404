import ArgumentParser
import Foundation
import ShufaArchive

/// `shufa review`: one step of a leader's report, or its trail.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "记录述职述法报告的流转：下发草稿 → 已交回 → 审核/审定 → 报送 → 归档；不加 --to 则列出其记录。",
        discussion: """
            依 004 四（一）：党政主要负责人的报告由党委（党组）研究审定，领导班子其他成员的报告由主要负责人审核，审定（核）后报送考核主管部门。\
            不合规定的办理会被拒绝并说明原因；检查有错误的报告不能审核或审定，确需办理时加 --override 并写明理由（理由记入记录）。\
            记录只增不改。
            退出码：0 已记录；1 被拒绝；2 出错（档案库不可用、找不到该领导干部）。
            """)

    @Argument(help: "领导干部的编号或姓名。") var leader: String
    @Option(help: "办理到的状态：下发草稿、已交回、审核、审定、报送、归档。") var to: String?
    @Option(help: "办理人：审核为该单位主要负责人（姓名或编号），审定为党委（党组），如「县司法局党组」。") var by: String?
    @Option(help: "说明。") var note: String = ""
    @Option(help: "越过可越过的拒绝（检查有错误等）并写明理由。") var override: String?
    @Option(help: "年度（默认：档案中该领导干部最近的年度）。") var year: Int?
    @Flag(help: "以 JSON 输出。") var json = false
    @OptionGroup var archive: ArchiveLocationOption

    func validate() throws {
        if to != nil && by == nil { throw ValidationError(ArchiveMessages.text(ArchiveError.noReviewer)) }
        if let to, ReviewState(named: to) == nil {
            throw ValidationError(ArchiveMessages.text(ArchiveError.unknownState(to)))
        }
    }

    func run() throws {
        let archive = try self.archive.open()
        guard let to, let by, let target = ReviewState(named: to) else {
            let trail = try ArchiveRun.attempt { () throws(ArchiveError) in
                try TrailReader(archive: archive).trail(of: leader, year: year)
            }
            print(json ? try JSONText.encode(trail.entries) : ArchiveText.render(trail))
            return
        }
        let request = ReviewRequest(leader: leader, year: year, target: target, by: by, note: note, override: override)
        let outcome: ReviewOutcome
        do { outcome = try Reviewer(archive: archive).record(request) } catch {
            Complaint.say("\(error)")
            if case .refused = error { throw ExitCode(1) }
            throw ExitCode(2)
        }
        print(json ? try JSONText.encode(outcome.entry) : ArchiveText.render(outcome))
    }
}
