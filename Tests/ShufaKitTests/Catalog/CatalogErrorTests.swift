import Foundation
@testable import ShufaCatalog
import ShufaKit
@testable import ShufaOutput
@testable import ShufaTemplate
import Testing


@Suite("catalog.yaml and templates: errors name the line, paths stay in the templates folder, sizes are bounded")
struct CatalogErrorTests {
    /// A copy of the templates folder whose catalog.yaml has line `line` (1-based) replaced by `replacement`
    /// (removed when nil).
    static func templates(replacing line: Int, with replacement: String?) throws -> URL {
        let folder = Repo.temporaryDirectory().appendingPathComponent("templates")
        try FileManager.default.copyItem(at: Repo.templates, to: folder)
        var lines = try String(contentsOf: folder.appendingPathComponent("catalog.yaml"), encoding: .utf8).components(
            separatedBy: "\n")
        if let replacement { lines[line - 1] = replacement } else { lines.remove(at: line - 1) }
        try Data(lines.joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("catalog.yaml"))
        return folder
    }

    /// The 1-based number of the first line of catalog.yaml after line `after` that matches `pattern`.
    static func line(_ pattern: String, after: Int = 0) throws -> Int {
        let lines = try String(contentsOf: Repo.templates.appendingPathComponent("catalog.yaml"), encoding: .utf8)
            .components(separatedBy: "\n")
        return try #require(
            lines.indices.first { $0 >= after && lines[$0].range(of: pattern, options: .regularExpression) != nil }) + 1
    }

    static func error(_ folder: URL) -> CatalogError? {
        do {
            _ = try Catalog.load(from: folder.appendingPathComponent("catalog.yaml"))
            return nil
        } catch { return error }
    }

    @Test(
        "an unknown point set, a wrong value, a missing key, a template outside the folder: each with its line"
    )
    func located() throws {
        let roles = try Self.line("^roles:")
        let points = try Self.line("^    points: ", after: roles)
        let report = try Self.line("^  report: ")
        let cases: [(Int, String?, Int, String)] = [
            (points, "    points: 没有这组", points, "不在 pointSets 中"),
            (points, "    points: [1, 2]", points, "这里应是单个值"),
            (points, nil, points - 1, "缺少「points」"),
            (report, "  report: ../../outside.fodt", report, "不在模板文件夹内"),
            (report, "  report: /etc/passwd", report, "不在模板文件夹内"),
        ]
        for (line, replacement, expectedLine, message) in cases {
            let error = try #require(
                Self.error(try Self.templates(replacing: line, with: replacement)), "\(String(describing: replacement))"
            )
            #expect(error.line == expectedLine && error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("catalog.yaml 第 \(expectedLine) 行："))
        }
    }

    @Test("YAML errors in the catalog: line and column, a short message; an alias bomb is refused at once")
    func yamlErrors() throws {
        let broken = try #require(
            Self.error(try Self.templates(replacing: 3, with: "documents: [" + String(repeating: "[", count: 100_000))))
        #expect(broken.message.contains("第 3 行") && broken.description.count < 200, "\(broken.description.prefix(300))")
        let folder = try Self.templates(
            replacing: 1, with: Hostile.aliasBomb().replacingOccurrences(of: "year: 2025\nleaders: []\n", with: ""))
        let start = Date()
        #expect(Self.error(folder)?.message.contains("别名") == true)
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test(
        "templates over 8 MiB or linked from outside the folder are refused with their names; nothing is built"
    )
    func templateFiles() throws {
        let folder = try Self.templates(replacing: 1, with: "# 模板目录")
        var big = try Data(contentsOf: folder.appendingPathComponent("form.fodt"))
        big.append(Data(repeating: 0x20, count: TemplateSet.maximumBytes))
        try big.write(to: folder.appendingPathComponent("form.fodt"))
        let outside = Repo.temporaryDirectory().appendingPathComponent("report.fodt")
        try FileManager.default.moveItem(at: folder.appendingPathComponent("report.fodt"), to: outside)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("report.fodt").path, withDestinationPath: outside.path)
        let out = Repo.temporaryDirectory().appendingPathComponent("out")
        #expect {
            try BatchBuilder(BuildRequest(roster: Repo.roster, templates: folder, output: out))
        } throws: { error in
            guard case .templates(let errors) = error as? BuildError else { return false }
            let messages = errors.errors.map(\.description)
            return messages.contains { $0.hasPrefix("form.fodt") && $0.contains("8 MiB") }
                && messages.contains { $0.hasPrefix("report.fodt") && $0.contains("模板文件夹以外") }
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
