import ArgumentParser
import Foundation
import ShufaArchive

/// `shufa status`: the table a clerk looks at every morning in December.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "各单位进度：草稿下发、交回、检查通过、审核/审定、报送、归档的人数，以及等次。",
        discussion: "数据来自档案库（shufa archive add 与 shufa review 的记录）。")

    @Option(help: "只看名称中含该文字的单位。") var unit: String?
    @Option(help: "年度（默认：档案中最近的年度）。") var year: Int?
    @Flag(help: "以 JSON 输出。") var json = false
    @OptionGroup var archive: ArchiveLocationOption

    func run() throws {
        let archive = try self.archive.open()
        let report = try ArchiveRun.attempt { () throws(ArchiveError) in
            try ArchiveStatus(archive: archive).report(year: year, unit: unit)
        }
        print(json ? try JSONText.encode(report) : ArchiveText.render(report))
    }
}
