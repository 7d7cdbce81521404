import ArgumentParser
import Foundation
import ShufaKit

/// `shufa check`: what is wrong in each report, and where.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "检查述职述法报告（生成的或交回的）：文种、各部分、单独列项、字数、要点、遗留提示、最低要求、ODF 规范。",
        discussion: """
            规则：role、form、parts、separate-item、length、coverage、leftovers、minimums、schema（见 README）。
            退出码：0 没有文书有错误；1 有文书有错误；2 有文件无法读取，或参数有错。
            """)

    @Argument(help: "要检查的报告：.fodt、.odt，以及经 LibreOffice 转换的 .docx、.doc、.wps。")
    var files: [String]

    @Option(help: "述法主体类别（文档属性中没有时指定）。")
    var role: String?

    @Flag(help: "以 JSON 输出检查结果。")
    var json = false

    @OptionGroup var locations: Locations

    func run() throws {
        let validator = try locations.validator(deferred: true)
        validator?.loadInBackground()
        let catalog = try locations.catalog()
        if let role, catalog.role(named: role) == nil {
            Complaint.say(CommandMessages.text(.unknownRole(role, known: catalog.roles.map(\.name))))
            throw ExitCode(2)
        }
        let checker = ReportChecker(catalog: catalog, validator: validator, prompts: locations.prompts(catalog))
        do { try validator?.load() } catch {
            Complaint.say("\(error)")
            throw ExitCode(2)
        }
        var documents: [CheckedDocument] = []
        var unreadable = false
        let urls = files.map { URL(fileURLWithPath: $0) }
        for (file, result) in DocumentLoader.check(urls, checker: checker, role: role, fontConfig: locations.fontConfig)
        {
            do {
                documents.append(try result.get())
            } catch {
                unreadable = true
                Complaint.say(CommandMessages.unreadable(file, error))
            }
        }
        if json || !documents.isEmpty {
            print(json ? try JSONText.encode(["documents": documents]) : FindingsText.render(documents))
        }
        if unreadable { throw ExitCode(2) }
        if documents.contains(where: \.hasErrors) { throw ExitCode(1) }
    }
}

/// Messages to stderr, in Chinese, naming the file.
enum Complaint {
    static func say(_ text: String) {
        FileHandle.standardError.write(Data("shufa: \(text)\n".utf8))
    }

}

/// Where templates, schemas and fonts are; shared by the subcommands.
struct Locations: ParsableArguments {
    @Option(help: "模板文件夹（含 catalog.yaml）。")
    var templates: String = "templates"

    @Option(help: "OASIS ODF 1.3 RELAX NG 规范文件所在的文件夹（默认 $SHUFA_SCHEMAS 或 ../shared/schemas/odf1.3）。")
    var schemas: String?

    var fontConfig: URL { URL(fileURLWithPath: "fonts/fonts.conf") }

    /// The prompt texts of the catalog and of the draft templates, to recognise prompts by their words.
    func prompts(_ catalog: Catalog) -> PromptTexts {
        PromptTexts(catalog: catalog, templates: URL(fileURLWithPath: templates))
    }

    func catalog() throws -> Catalog {
        do {
            let file = URL(fileURLWithPath: templates).appendingPathComponent("catalog.yaml")
            return try Catalog.load(from: file, cache: BuildRequest.defaultCache)
        } catch {
            Complaint.say("\(error)")
            throw ExitCode(2)
        }
    }

    /// The schema validator, or nil (with a note) when the schemas cannot be found; `deferred` parses the schemas
    /// when the first document is validated (a build whose proofs are cached never parses them).
    func validator(deferred: Bool = false) throws -> ODFValidator? {
        guard let directory = SchemaLocator.find(schemas) else {
            Complaint.say(CommandMessages.noSchemas)
            return nil
        }
        do {
            return deferred
                ? try ODFValidator(deferredSchemaDirectory: directory) : try ODFValidator(schemaDirectory: directory)
        } catch {
            Complaint.say("\(error)")
            throw ExitCode(2)
        }
    }
}

/// Stable JSON for the command line.
enum JSONText {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Findings as a clerk reads them.
enum FindingsText {
    static func render(_ documents: [CheckedDocument]) -> String {
        documents.map { document in
            let symbols: [Finding.Severity: String] = [.error: "✗ 错误", .warning: "! 提醒", .info: "· 说明"]
            let form = document.form.map { "；\($0.chineseName)" } ?? ""
            var lines = ["\(document.path)（\(document.role ?? "类别未知")\(form)）"]
            lines += document.findings.map {
                "  \(symbols[$0.severity]!) [\($0.rule.rawValue)] \($0.message) —— \($0.location)"
            }
            if document.findings.isEmpty { lines.append("  ✓ 未发现问题") }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
