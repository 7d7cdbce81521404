import ArgumentParser
import Foundation
import ShufaKit

/// `shufa print`: print-ready PDFs of a built batch.
struct Print: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "把生成的一批文书转换为 PDF：每份文书一个文件，每类文书一个合订本。",
        discussion: """
            读取 DIR/summary.json（shufa build 写出），写到 --out（默认 DIR/pdf）：每份文书 <类别>/<文件名>.pdf，\
            每类文书 <类别>-<中文名>-合订.pdf（按单位、再按领导干部排列），以及列出它们页数和 SHA-256 的 print.json。\
            需要 LibreOffice（scripts/setup.sh）。详见 docs/printing.md。
            退出码：0 全部转换；1 有文书未能转换（见 print.json）；2 无法打印（没有 summary.json、缺少 LibreOffice 或 qpdf、\
            输出文件夹无法写入）。
            """)

    @Argument(help: "shufa build 写出的文件夹（含 summary.json）。")
    var directory: String = "output"

    @Option(name: .long, help: "PDF 写到哪个文件夹（默认 DIR/pdf）。")
    var out: String?

    @OptionGroup var flags: PrintFlags

    func run() throws {
        let build = URL(fileURLWithPath: directory)
        let output = out.map { URL(fileURLWithPath: $0) } ?? build.appendingPathComponent("pdf")
        try PrintStep.run(PrintRequest(build: build, output: output, options: flags.options()))
    }
}

/// The printing flags shared by `shufa print` and `shufa build --pdf`.
struct PrintFlags: ParsableArguments {
    @Option(name: .long, help: "合订本中每份考核评议表和民主测评表印几份（每位评议人一份）。")
    var copies: Int = 1

    @Flag var sides: Sides = .duplex

    @Flag(name: .long, help: "写成 PDF/A-2b，供归档。")
    var pdfa = false

    @Option(name: .long, help: "把公文字体名称对应到已安装字体的 fontconfig 配置文件。")
    var fonts: String = "fonts/fonts.conf"

    @Option(name: .long, help: "同时运行几个 LibreOffice（最多每个处理器核心一个；默认每个核心一个）。")
    var processes: Int?

    func validate() throws {
        guard copies >= 1 && copies <= 500 else { throw UsageError.copiesOutOfRange(copies).validation }
        if let processes, processes < 1 { throw UsageError.processesTooFew(processes).validation }
    }

    func options() -> PrintOptions {
        let fontConfig = URL(fileURLWithPath: fonts)
        if !FileManager.default.fileExists(atPath: fontConfig.path) {
            Complaint.say(CommandMessages.noFontConfig(fonts))
        }
        var options = PrintOptions(copies: copies, duplex: sides == .duplex, pdfa: pdfa, fontConfig: fontConfig)
        if let processes { options.processes = min(processes, options.processes) }
        return options
    }
}

/// Two-sided (the default: 公文 are printed on both sides) or single-sided combined files.
enum Sides: String, EnumerableFlag {
    case duplex, simplex

    static func help(for value: Sides) -> ArgumentHelp? {
        switch value {
        case .duplex: return "双面打印（默认）：合订本中页数为奇数的文书后加一页空白，每份文书从新的一张纸开始。"
        case .simplex: return "单面打印：合订本不加空白页。"
        }
    }
}

/// Runs a print request with a progress line on standard error, prints the result, sets the exit code.
enum PrintStep {
    static func run(_ request: PrintRequest) throws {
        let summary: PrintSummary
        do {
            let line = ProgressLine()
            summary = try PrintBatch(request).run { line.show($0) }
            line.finish()
        } catch {
            Complaint.say("\(error)")
            throw ExitCode(2)
        }
        print(render(summary, output: request.output.path))
        if !summary.failures.isEmpty { throw ExitCode(1) }
    }

    static func render(_ summary: PrintSummary, output: String) -> String {
        var lines = ["写出 \(summary.documents.count) 个 PDF\(summary.pdfa ? "（PDF/A-2b）" : "") 到 \(output)/"]
        if !summary.fonts.isEmpty {
            let pairs = summary.fonts.map { "\($0.official) → \($0.used)" }.joined(separator: "，")
            lines.append("字体：本机没有以下公文字体，已用替代字体打印：\(pairs)（安装正式字体见 docs/printing.md）")
        }
        for file in summary.combined {
            let copies = file.copies > 1 ? "，每份 \(file.copies) 份" : ""
            lines.append(
                "  合订 \(file.path)：\(file.documents) 份文书\(copies)，共 \(file.pages) 页\(file.duplex ? "（双面）" : "")")
        }
        if !summary.failures.isEmpty { lines.append("\(summary.failures.count) 份文书未能转换：") }
        lines += summary.failures.map { "  ✗ \($0)" }
        return lines.joined(separator: "\n")
    }
}

/// One line on standard error, rewritten in place on a terminal: documents done / total and time left.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let terminal = isatty(STDERR_FILENO) != 0
    private var lastShown = Date.distantPast
    private var shown = false

    func show(_ progress: PrintProgress) {
        lock.withLock {
            let final = progress.done == progress.total
            guard final || Date().timeIntervalSince(lastShown) >= (terminal ? 0.2 : 5) else { return }
            lastShown = Date()
            var text = "转换 \(progress.done)/\(progress.total) 份，已用 \(Int(progress.elapsed.rounded())) 秒"
            if let remaining = progress.remaining, !final { text += "，约剩 \(Int(remaining.rounded(.up))) 秒" }
            FileHandle.standardError.write(Data((terminal ? "\r\u{1B}[K" + text : text + "\n").utf8))
            shown = true
        }
    }

    func finish() {
        lock.withLock { if terminal && shown { FileHandle.standardError.write(Data("\n".utf8)) } }
    }
}
