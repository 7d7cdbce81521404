import Foundation
import ShufaKit
import ShufaSystem
import Testing

/// Runs a poppler tool and returns its standard output.
enum Poppler {
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        try ChildProcess.run(tool, arguments).output
    }

    static func pages(_ pdf: URL) throws -> Int {
        let info = try run("pdfinfo", [pdf.path])
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.split(separator: " ").last ?? "") ?? 0
    }
}

@Suite("Opening generated documents in LibreOffice", .serialized)
struct LibreOfficeTests {
    static let fontConfig = Repo.root.appendingPathComponent("fonts/fonts.conf")

    @Test("reports, drafts and tasklists open in LibreOffice and show the name, the 述法 heading and the Chinese text")
    func reportsOpen() throws {
        let office = try LibreOffice(fontConfig: Self.fontConfig)
        let built = SampleBuild.shared
        let chosen = built.summary.documents.filter { ["QC006", "QC020"].contains($0.leader ?? "") && $0.kind != .form }
        #expect(chosen.count >= 5)
        let pdfs = try office.convert(chosen.map { built.directory.appendingPathComponent($0.path) }, to: "pdf",
                                      into: Repo.temporaryDirectory())
        let leaders = try RosterReader(catalog: Repo.catalog).read(Repo.roster).leaders
        for (document, pdf) in zip(chosen, pdfs) {
            let text = try Poppler.run("pdftotext", ["-layout", pdf.path, "-"]).replacingOccurrences(of: " ", with: "")
            let leader = try #require(leaders.first { $0.id == document.leader })
            #expect(text.contains(leader.name), "\(document.path)")
            if document.kind == .report || document.kind == .draft {
                #expect(text.contains("履行推进法治建设第一责任人职责情况"), "\(document.path)")
            }
            if document.kind == .report {
                let sentence = String(leader.law.prefix(12))
                #expect(text.contains(sentence), "\(document.path): \(sentence)")
            }
        }
    }

    @Test("every 考核评议表 fits on one A4 page, whatever the role")
    func formsFitOnePage() throws {
        let office = try LibreOffice(fontConfig: Self.fontConfig)
        let built = SampleBuild.shared
        var byRole: [String: BuildSummary.Document] = [:]
        let leaders = try RosterReader(catalog: Repo.catalog).read(Repo.roster).leaders
        for form in SampleBuild.documents(.form) {
            let role = leaders.first { $0.id == form.leader }!.role
            if byRole[role] == nil { byRole[role] = form }
        }
        let forms = byRole.values.sorted { $0.path < $1.path }
        let pdfs = try office.convert(
            forms.map { built.directory.appendingPathComponent($0.path) }, to: "pdf", into: Repo.temporaryDirectory())
        for (form, pdf) in zip(forms, pdfs) {
            #expect(try Poppler.pages(pdf) == 1, "\(form.path)")
            let size = try Poppler.run("pdfinfo", [pdf.path])
            #expect(size.contains("595.") && size.contains("841."), "A4: \(form.path)")
        }
    }
}

@Suite("Templates saved by LibreOffice", .serialized)
struct LibreOfficeTemplateTests {
    @Test("a template whose markers were restyled, then saved by LibreOffice, renders the same text, strictly valid")
    func savedTemplateStillWorks() throws {
        let original = try String(contentsOf: Repo.templates.appendingPathComponent("report.fodt"), encoding: .utf8)
        let bold =
            #"<style:style style:name="Bold" style:family="text">"#
                + #"<style:text-properties fo:font-weight="bold"/></style:style>"#
        let edited = original
            .replacingOccurrences(of: "{{姓名}}", with: #"{{姓<text:span text:style-name="Bold">名}</text:span>}"#)
            .replacingOccurrences(of: "{{述法内容}}", with: #"<text:span text:style-name="Bold">{{述法</text:span>内容}}"#)
            .replacingOccurrences(of: "</office:styles>", with: bold + "</office:styles>")
        #expect(edited != original)
        let directory = Repo.temporaryDirectory()
        let source = directory.appendingPathComponent("edited.fodt")
        try edited.write(to: source, atomically: true, encoding: .utf8)
        let saved = try LibreOffice().convert([source], to: "fodt", into: directory.appendingPathComponent("saved"))[0]
        let savedText = try String(contentsOf: saved, encoding: .utf8)
        #expect(savedText.contains("loext:") || savedText.contains("officeooo:"), "LibreOffice adds its extensions")

        let roster = try RosterReader(catalog: Repo.catalog).read(Repo.roster)
        let leader = try #require(roster.leaders.first { $0.id == "QC006" })
        let data = DocumentData.leader(leader, role: Repo.catalog.role(named: leader.role)!, roster: roster)
        let meta = DocumentData.meta(.report, leader: leader, roster: roster)
        let render = { (bytes: [UInt8]) throws -> String in
            let template = try TemplateCompiler.compile(bytes, file: "report.fodt", fields: DocumentData.leaderFields)
            return String(decoding: template.render(data, meta: meta, format: .fodt), as: UTF8.self)
        }
        let fromSaved = try render(Array(savedText.utf8))
        #expect(try Parsed.paragraphs(fromSaved) == Parsed.paragraphs(render(Array(original.utf8))))
        #expect(fromSaved.contains(leader.name) && !fromSaved.contains("{{"))
        let issues = Repo.validator.validate(try ODFParts.read(Data(fromSaved.utf8), file: "saved.fodt"))
        #expect(issues.isEmpty, "\(issues.prefix(3))")
    }
}

@Suite("Templates as clerks save them", .serialized)
struct SavedTemplateFormatTests {
    /// A copy of the templates folder with report.fodt replaced by what LibreOffice saves as `format`.
    static func templates(savedAs format: String) throws -> URL {
        let directory = Repo.temporaryDirectory().appendingPathComponent("templates")
        try FileManager.default.copyItem(at: Repo.templates, to: directory)
        let report = directory.appendingPathComponent("report.fodt")
        let saved = try LibreOffice().convert([report], to: format, into: directory.appendingPathComponent("saved"))[0]
        try FileManager.default.removeItem(at: report)
        try FileManager.default.moveItem(at: saved, to: directory.appendingPathComponent("report.\(format)"))
        return directory
    }

    @Test("report.fodt saved by LibreOffice as report.odt is read in its place: the same reports, strictly valid")
    func odtTemplate() throws {
        let templates = try Self.templates(savedAs: "odt")
        let output = Repo.temporaryDirectory()
        let summary = try BatchBuilder(
            BuildRequest(
                roster: Repo.roster, templates: templates, output: output, kinds: [.report],
                validator: Repo.validator)
        ).run()
        #expect(summary.checks.flatMap(\.findings).filter { $0.severity == .error }.isEmpty)
        let reports = summary.documents.filter { $0.kind == .report }
        #expect(reports.count == SampleBuild.documents(.report).count)
        for report in reports {
            let fromODT = try Parsed.paragraphs(
                String(contentsOf: output.appendingPathComponent(report.path), encoding: .utf8))
            let original = try #require(SampleBuild.documents(.report).first { $0.leader == report.leader })
            #expect(fromODT == (try Parsed.paragraphs(SampleBuild.text(original))), "\(report.path)")
        }
    }

    @Test("a template saved as .docx is refused before anything is written, saying to save it as ODF")
    func docxTemplate() throws {
        let templates = try Self.templates(savedAs: "docx")
        let output = Repo.temporaryDirectory().appendingPathComponent("out")
        #expect { try BatchBuilder(BuildRequest(roster: Repo.roster, templates: templates, output: output)) } throws: {
            error in
            let message = "\(error)"
            return message.contains("report.docx") && message.contains("另存为") && message.contains(".odt")
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
