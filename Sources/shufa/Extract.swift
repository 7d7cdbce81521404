import ArgumentParser
import Foundation
import ShufaKit

/// `shufa extract`: a returned draft back into roster data.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read a returned draft or report back into the roster's shape (述职内容, 述法内容, 存在问题, 改进措施, indicators).",
        discussion: "`shufa extract returned.odt --json > leader.json` then `shufa build leader.json` makes the final report.")

    @Argument(help: "The returned document (.fodt, .odt, .docx, .doc).")
    var file: String

    @Option(help: "The role (述法主体类别), when the document does not say.")
    var role: String?

    @Flag(help: "Print the roster JSON (default: a readable listing).")
    var json = false

    @OptionGroup var locations: Locations

    func run() throws {
        let catalog = try locations.catalog()
        guard let (url, result) = DocumentLoader.load([URL(fileURLWithPath: file)], fontConfig: locations.fontConfig).first else { return }
        let document: ReportDocument
        do { document = try ReportDocument(try result.get()) } catch {
            FileHandle.standardError.write(Data("shufa: \(url.path): \(error)\n".utf8))
            throw ExitCode(2)
        }
        let roster = ReportExtractor(catalog: catalog).extract(document, file: url.lastPathComponent, role: role)
        if json { print(try JSONText.encode(roster)); return }
        for leader in roster.leaders {
            print("\(leader.id) \(leader.name)（\(leader.unit) \(leader.position)，\(leader.role)），\(roster.year)年度")
            print("述职内容 \(leader.duty.count) 段；述法内容 \(ReportOutline.countedLength(leader.law)) 字；存在问题 \(leader.problems.count) 条；改进措施 \(leader.measures.count) 条")
            for (name, value) in leader.indicators.sorted(by: { $0.key < $1.key }) { print("  \(name)：\(value)") }
        }
    }
}
