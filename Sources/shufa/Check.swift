import ArgumentParser
import Foundation
import ShufaKit

/// `shufa check`: what is wrong in each report, and where.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check 述职述法报告 (generated or returned): parts, 单独列项, length, coverage, leftovers, schema.",
        discussion: """
            Rules: role, parts, separate-item, length, coverage, leftovers, minimums, schema (see README).
            Exit codes: 0 no document has an error; 1 some document has; 2 a file cannot be read or the arguments are wrong.
            """)

    @Argument(help: "Reports to check: .fodt, .odt, and .docx/.doc through LibreOffice.")
    var files: [String]

    @Option(help: "The role (述法主体类别) to check against, when the document does not say.")
    var role: String?

    @Flag(help: "Print the findings as JSON.")
    var json = false

    @OptionGroup var locations: Locations

    func run() throws {
        let catalog = try locations.catalog()
        if let role, catalog.role(named: role) == nil {
            throw ValidationError("unknown role '\(role)'; roles: \(catalog.roles.map(\.name).joined(separator: ", "))")
        }
        let checker = ReportChecker(catalog: catalog, validator: try locations.validator())
        var documents: [CheckedDocument] = []
        var unreadable = false
        for (file, parts) in DocumentLoader.load(files.map { URL(fileURLWithPath: $0) }, fontConfig: locations.fontConfig) {
            switch parts {
            case .success(let parts):
                do { documents.append(try checker.check(parts, path: file.path, role: role)) } catch {
                    unreadable = true
                    FileHandle.standardError.write(Data("shufa: \(file.path): \(error)\n".utf8))
                }
            case .failure(let error):
                unreadable = true
                FileHandle.standardError.write(Data("shufa: \(file.path): \(error.message)\n".utf8))
            }
        }
        if json || !documents.isEmpty {
            print(json ? try JSONText.encode(["documents": documents]) : FindingsText.render(documents))
        }
        if unreadable { throw ExitCode(2) }
        if documents.contains(where: \.hasErrors) { throw ExitCode(1) }
    }
}

/// Where templates, schemas and fonts are; shared by the subcommands.
struct Locations: ParsableArguments {
    @Option(help: "The templates folder (with catalog.yaml).")
    var templates: String = "templates"

    @Option(help: "The folder with the OASIS ODF 1.3 RELAX NG schemas (default: $SHUFA_SCHEMAS or ../shared/schemas/odf1.3).")
    var schemas: String?

    var fontConfig: URL { URL(fileURLWithPath: "fonts/fonts.conf") }

    func catalog() throws -> Catalog {
        do { return try Catalog.load(from: URL(fileURLWithPath: templates).appendingPathComponent("catalog.yaml")) } catch {
            FileHandle.standardError.write(Data("shufa: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// The schema validator, or nil (with a note) when the schemas cannot be found.
    func validator() throws -> ODFValidator? {
        guard let directory = SchemaLocator.find(schemas) else {
            FileHandle.standardError.write(Data("shufa: note: ODF schemas not found, schema rule skipped (give --schemas DIR)\n".utf8))
            return nil
        }
        do { return try ODFValidator(schemaDirectory: directory) } catch {
            FileHandle.standardError.write(Data("shufa: \(error)\n".utf8))
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
            var lines = ["\(document.path)（\(document.role ?? "类别未知")）"]
            lines += document.findings.map { "  \(symbols[$0.severity]!) [\($0.rule.rawValue)] \($0.message) —— \($0.location)" }
            if document.findings.isEmpty { lines.append("  ✓ 未发现问题") }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
