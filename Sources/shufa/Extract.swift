import ArgumentParser
import Foundation
import ShufaKit

/// `shufa extract`: a returned draft back into roster data.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "把交回的草稿或报告读回名册格式（述职内容、述法内容、存在问题、改进措施、指标）。",
        discussion: """
            shufa extract 交回.odt --json > 领导.json 之后，shufa build 领导.json 即生成正式报告。
            未能归入的内容（没有述法标题、不属于任何部分的段落……）在标准错误中逐一列出。
            退出码：0 每段都已归入；1 有内容缺失或未能归入（数据仍会输出）；2 文件无法读取。
            """)

    @Argument(help: "交回的文档（.fodt、.odt、.docx、.doc、.wps）。")
    var file: String

    @Option(help: "述法主体类别（文档属性中没有时指定）。")
    var role: String?

    @Flag(help: "输出名册 JSON（默认输出便于阅读的清单）。")
    var json = false

    @OptionGroup var locations: Locations

    func run() throws {
        let catalog = try locations.catalog()
        let extractor = ReportExtractor(catalog: catalog, prompts: locations.prompts(catalog))
        guard
            let (url, result) = DocumentLoader.load([URL(fileURLWithPath: file)], fontConfig: locations.fontConfig)
                .first
        else { return }
        let document: ReportDocument
        do { document = try extractor.document(try result.get()) } catch {
            Complaint.say(CommandMessages.unreadable(url, error))
            throw ExitCode(2)
        }
        let extraction = extractor.extract(document, file: url.lastPathComponent, role: role)
        print(json ? try JSONText.encode(extraction.roster) : Self.listing(extraction.roster))
        for issue in extraction.issues { Complaint.say("\(issue.severity == .error ? "错误" : "提醒")：\(issue)") }
        if extraction.hasErrors { throw ExitCode(1) }
    }

    private static func listing(_ roster: Roster) -> String {
        roster.leaders.map { leader in
            var lines = ["\(leader.id) \(leader.name)（\(leader.unit) \(leader.position)，\(leader.role)），"
                         + "\(roster.year)年度"]
            lines.append("述职内容 \(leader.duty.count) 段；述法内容 \(ReportOutline.countedLength(leader.law)) 字；"
                         + "存在问题 \(leader.problems.count) 条；改进措施 \(leader.measures.count) 条")
            lines += leader.indicators.sorted { $0.key < $1.key }.map { "  \($0.key)：\($0.value.formatted())" }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
