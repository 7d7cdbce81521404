import ArgumentParser
import Foundation
import ShufaArchive
import ShufaKit

/// `shufa archive`: a year's documents stored, found, verified and handed over.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "档案库：归档（add）、查找（find）、核对（verify）、导出移交包（export）。",
        discussion: "档案库是一个文件夹（默认 archive/）：文件按内容（SHA-256）只存一份且只读，索引在 index.sqlite。见 docs/archive.md。",
        subcommands: [ArchiveAdd.self, ArchiveFind.self, ArchiveVerify.self, ArchiveExport.self])
}

/// Where the archive is; shared by the archive commands, `review` and `status`.
struct ArchiveLocationOption: ParsableArguments {
    @Option(name: .customLong("archive"), help: "档案库文件夹。")
    var path: String = "archive"

    /// Opens the archive (creating it for `add`); failures exit 2 with the message.
    func open(create: Bool = false) throws -> DocumentArchive {
        try ArchiveRun.attempt { () throws(ArchiveError) in
            try DocumentArchive(URL(fileURLWithPath: path), create: create)
        }
    }
}

/// Runs archive work: an `ArchiveError` is printed on standard error and exits with `code`.
enum ArchiveRun {
    static func attempt<T>(code: Int32 = 2, _ body: () throws(ArchiveError) -> T) throws -> T {
        do { return try body() } catch {
            Complaint.say("\(error)")
            throw ExitCode(code)
        }
    }
}

/// `shufa archive add`.
struct ArchiveAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "归档：生成的文书、打印的 PDF、交回的报告（附检查结果）、测评结果。",
        discussion: """
            可给出：shufa build 的输出文件夹（含 summary.json；其 pdf/ 中 shufa print 的输出一并归档）、shufa print 的输出文件夹\
            （含 print.json）、交回的报告（.odt .fodt .docx .doc，或存放它们的文件夹）、测评结果（shufa tally --json 的输出）。
            同一内容只存一份；重复归档不会重复登记。中途中断（包括 kill -9）后档案仍完整，重新运行即可完成。
            退出码：0 全部归档；1 有文件未能归档（逐一列出）；2 无法归档（档案库不可用、参数错误）。
            """)

    @Argument(help: "要归档的文件夹或文件。")
    var inputs: [String]

    @OptionGroup var archive: ArchiveLocationOption

    @Option(help: "文书未写明年度时使用的年度。")
    var year: Int?

    @Option(help: "交回的报告未写明编号时，其领导干部的编号（只用于一份报告）。")
    var leader: String?

    @Flag(help: "以 JSON 输出结果。")
    var json = false

    @OptionGroup var locations: Locations

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError(ArchiveMessages.text(ArchiveError.noInputs)) }
        var isFolder: ObjCBool = false
        let one = inputs.count == 1 && FileManager.default.fileExists(atPath: inputs[0], isDirectory: &isFolder)
        if leader != nil && !(one && !isFolder.boolValue) {
            throw ValidationError(ArchiveMessages.text(ArchiveError.leaderForSeveral))
        }
    }

    func run() throws {
        let archive = try self.archive.open(create: true)
        let checker = ReportChecker(catalog: try locations.catalog(), validator: try locations.validator())
        let options = CollectOptions(checker: checker, fontConfig: locations.fontConfig, year: year, leader: leader)
        let collected = InputCollector(options: options, archive: archive).collect(
            inputs.map { URL(fileURLWithPath: $0) })
        let report = try ArchiveRun.attempt { () throws(ArchiveError) in
            try ArchiveAdder(archive: archive).add(collected) {
                Complaint.say("\(ArchiveNotice.waitingToAdd)")
            }
        }
        print(json ? try JSONText.encode(AddJSON(report)) : ArchiveText.render(report, archive: self.archive.path))
        if report.problems.contains(where: \.isError) { throw ExitCode(1) }
    }
}

/// `shufa archive find`.
struct ArchiveFind: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "查找文书：按姓名、单位、编号、年度、等次和报告正文中的词语。",
        discussion: """
            多个词须同时满足。形如 2025 或 2025年度 的词按年度查找，与档案中等次相同的词（如 优秀）按等次查找，其余在姓名、单位、\
            编号、职务、类别、原文件名和正文中查找（两个字以上；单个字只查姓名、单位等）。
            退出码：0 找到；1 没有找到；2 出错。
            """)

    @Argument(help: "要找的词语。")
    var words: [String] = []

    @Option(help: "只查该年度。") var year: Int?
    @Option(help: "只查名称中含该文字的单位。") var unit: String?
    @Option(help: "只查该等次（优秀、良好、一般、较差）。") var grade: String?
    @Option(help: "只查该类文书：draft、report、form、ballot、tasklist、returned、summary、print、tally，或其中文名。") var kind: String?
    @Option(help: "最多列出几份（全部都会计数）。") var limit: Int = 50
    @Flag(help: "以 JSON 输出。") var json = false
    @OptionGroup var archive: ArchiveLocationOption

    func run() throws {
        let archive = try self.archive.open()
        let query = SearchQuery(
            words.joined(separator: " "), year: year, unit: unit, grade: grade, kind: kind, limit: limit)
        let result = try ArchiveRun.attempt { () throws(ArchiveError) in try ArchiveSearch(archive: archive).find(query)
        }
        print(json ? try JSONText.encode(result) : ArchiveText.render(result))
        if result.total == 0 { throw ExitCode(1) }
    }
}

/// `shufa archive verify`.
struct ArchiveVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "核对档案：每个文件的 SHA-256、有无缺失或未登记的文件、PDF/A 标识、审核记录的哈希链、索引数据库。",
        discussion: "退出码：0 无误；1 有问题（逐一列出有问题的文件）；2 无法核对。")

    @Flag(help: "以 JSON 输出。") var json = false
    @OptionGroup var archive: ArchiveLocationOption

    func run() throws {
        let archive = try self.archive.open()
        let report = try ArchiveRun.attempt { () throws(ArchiveError) in
            try ArchiveVerifier(archive: archive).verify {
                Complaint.say("\(ArchiveNotice.waitingToVerify)")
            }
        }
        print(json ? try JSONText.encode(VerifyJSON(report)) : ArchiveText.render(report))
        if !report.passed { throw ExitCode(1) }
    }
}

/// `shufa archive export`.
struct ArchiveExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "导出某年度的档案移交包（ZIP）：文书原件、SHA-256 清单、索引 CSV、审核记录。",
        discussion: "同样的档案内容导出的文件逐字节相同。导出时逐一核对文件内容，有损坏则不导出（退出码 2）。")

    @Option(help: "年度。") var year: Int
    @Option(help: "写出的 ZIP 文件。") var out: String
    @OptionGroup var archive: ArchiveLocationOption

    func run() throws {
        let archive = try self.archive.open()
        let report = try ArchiveRun.attempt { () throws(ArchiveError) in
            try ArchiveExporter(archive: archive).export(year: year, to: URL(fileURLWithPath: out))
        }
        print("写出 \(report.path)：\(report.year)年度 \(report.documents) 份文书，\(ArchiveText.size(report.bytes))")
    }
}
