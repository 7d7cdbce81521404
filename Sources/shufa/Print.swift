import ArgumentParser
import Foundation
import ShufaKit

/// `shufa print`: print-ready PDFs of a built batch.
struct Print: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a built batch to PDF: one file per document and one combined print file per kind.",
        discussion: """
            Reads DIR/summary.json (written by `shufa build`) and writes under --out (default DIR/pdf): \
            <kind>/<name>.pdf for every document, <kind>-<中文名>-合订.pdf per kind (by unit, then leader) \
            and print.json listing them with page counts and SHA-256. Needs LibreOffice (scripts/setup.sh). \
            See docs/printing.md.
            """)

    @Argument(help: "The folder a build wrote (with summary.json).")
    var directory: String = "output"

    @Option(name: .long, help: "Where to write the PDFs (default: DIR/pdf).")
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
    @Option(name: .long, help: "Copies of each 考核评议表 and 民主测评表 in the combined files (one per evaluator).")
    var copies: Int = 1

    @Flag var sides: Sides = .duplex

    @Flag(name: .long, help: "Write PDF/A-2b, for the archive.")
    var pdfa = false

    @Option(name: .long, help: "The fontconfig file mapping the official Chinese font names.")
    var fonts: String = "fonts/fonts.conf"

    @Option(name: .long, help: "LibreOffice processes at once (at most one per core; default: one per core).")
    var processes: Int?

    func validate() throws {
        guard copies >= 1 && copies <= 500 else { throw ValidationError("--copies must be between 1 and 500") }
        if let processes, processes < 1 { throw ValidationError("--processes must be at least 1") }
    }

    func options() -> PrintOptions {
        let fontConfig = URL(fileURLWithPath: fonts)
        if !FileManager.default.fileExists(atPath: fontConfig.path) {
            FileHandle.standardError.write(Data("shufa: 提醒：找不到字体配置 \(fonts)，公文字体名称将无法替换为已安装的字体；请在仓库根目录运行或用 --fonts 指定\n".utf8))
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
            FileHandle.standardError.write(Data("shufa: \(error)\n".utf8))
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
            lines.append("  合订 \(file.path)：\(file.documents) 份文书\(copies)，共 \(file.pages) 页\(file.duplex ? "（双面）" : "")")
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
