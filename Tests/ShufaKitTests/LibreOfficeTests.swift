import Foundation
import ShufaKit
import Testing

/// Runs a poppler tool and returns its standard output.
enum Poppler {
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
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
        let pdfs = try office.convert(forms.map { built.directory.appendingPathComponent($0.path) }, to: "pdf", into: Repo.temporaryDirectory())
        for (form, pdf) in zip(forms, pdfs) {
            #expect(try Poppler.pages(pdf) == 1, "\(form.path)")
            let size = try Poppler.run("pdfinfo", [pdf.path])
            #expect(size.contains("595.") && size.contains("841."), "A4: \(form.path)")
        }
    }
}
