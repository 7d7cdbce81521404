import Foundation
import ShufaKit
import Testing

/// Published reports (述职述法报告, 述法报告, 述职报告, and documents that are neither) with a reader's
/// verdict written before shufa was run on them; `holdout/` was never used to tune the rules.
/// See Fixtures/corpus/README.md.
enum Corpus {
    static let directory = Repo.fixtures.appendingPathComponent("corpus")

    /// A reader's verdict: the form, and where the 述法 part stands (「n/a」 for an unknown form).
    struct Verdict: Equatable {
        var form: String
        var lawPart: String

        init(form: String, lawPart: String) { (self.form, self.lawPart) = (form, lawPart) }

        init(file: URL) throws {
            var fields: [String: String] = [:]
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            for line in lines where !line.hasPrefix("#") {
                let pair = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2 { fields[pair[0]] = pair[1] }
            }
            self.init(form: fields["form"] ?? "", lawPart: fields["lawPart"] ?? "")
        }

        /// True when shufa's reading agrees: same form, and, for a known form, the same placement.
        func agrees(with document: CheckedDocument) -> Bool {
            document.form?.rawValue == form && (form == "unknown" || document.lawPart?.rawValue == lawPart)
        }
    }

    /// Each document of a folder in one format, checked, with its verdict.
    typealias Result = (name: String, verdict: Verdict, document: CheckedDocument)

    static func checked(_ folder: String, format: String) throws -> [Result] {
        let folderURL = directory.appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folderURL.path)
        let files = names.filter { $0.hasSuffix(".\(format)") }.sorted()
        let checker = ReportChecker(catalog: Repo.catalog, validator: nil, prompts: PromptTests.prompts)
        return try DocumentLoader.load(files.map { folderURL.appendingPathComponent($0) }).map { file, parts in
            let name = file.deletingPathExtension().lastPathComponent
            let verdict = try Verdict(file: folderURL.appendingPathComponent(name + ".verdict"))
            let document = try checker.check(try parts.get(), path: file.lastPathComponent, role: "政府工作部门主要负责人")
            return (name, verdict, document)
        }
    }
}

@Suite("The corpus of published reports")
struct CorpusTests {
    /// Agreement measured when the rules were last changed: a regression fails, an improvement raises it.
    static let measured: [String: Int] = ["holdout": 25, "tune": 12]

    @Test("every document gets a form; agreement with the reader's verdicts, holdout and tune, in .fodt and .docx",
          arguments: ["holdout", "tune"], ["fodt", "docx"])
    func agreement(_ folder: String, _ format: String) throws {
        let results = try Corpus.checked(folder, format: format)
        #expect(results.count == (folder == "holdout" ? 26 : 14))
        #expect(results.allSatisfy { $0.document.form != nil && $0.document.lawPart != nil })
        let misses = results.filter { !$0.verdict.agrees(with: $0.document) }
        let agreed = results.count - misses.count
        let listing = misses.map { miss in
            let read = "\(miss.document.form?.rawValue ?? "-")/\(miss.document.lawPart?.rawValue ?? "-")"
            return "\(miss.name): \(read) vs \(miss.verdict.form)/\(miss.verdict.lawPart)"
        }
        let measured = Self.measured[folder]!
        #expect(agreed >= measured, "\(folder) .\(format): \(agreed)/\(results.count); misses: \(listing)")
        if folder == "holdout" { #expect(agreed >= 24, "\(listing)") }
    }

    @Test("the corpus's law-only reports never get 「缺少述法部分」, and their own sub-headings are not called sub-items")
    func lawOnlyMessages() throws {
        for (name, verdict, document) in try Corpus.checked("tune", format: "fodt") where verdict.form == "law-only" {
            #expect(!document.findings.contains { $0.message.contains("缺少述法") || $0.rule == .separateItem }, "\(name)")
        }
    }
}
