import Foundation
import ShufaKit
@testable import ShufaRoster
import Testing


/// A UTF-8 CSV or TSV roster is read a piece at a time (`StreamedTable`), never whole: these tests hold the
/// leaders and problems it gives, piece after piece, equal to reading the same file whole, whatever the chunk
/// boundaries cut (a quote, a CR LF, a character), and check what happens to files it leaves to the whole reading
/// and to a file changed while it is read.
@Suite("Rosters read a piece at a time equal rosters read whole")
struct StreamedRosterTests {
    static func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// A roster CSV with what a table can hold: title rows above the header, an indicator column, an ignored
    /// column, quoted fields with line breaks and quotes, CR LF and LF, bad records, a row wider than the header.
    static func csv(delimiter: String = ",") throws -> String {
        let roster = try RosterReader(catalog: Repo.catalog).read(Repo.roster)
        let header = ["编号", "姓名", "单位", "职务", "类别", "年度", "组织", "述职内容", "述法内容", "存在问题", "改进措施",
                      "备注", "执法人员法治培训学时"]
        var lines = ["2025年度述职述法名册" + String(repeating: delimiter, count: 3), header.joined(separator: delimiter)]
        for (index, leader) in roster.leaders.enumerated() {
            var cells = [leader.id, leader.name, leader.unit, leader.position, leader.role, "2025", roster.organization,
                         leader.duty.joined(separator: index % 2 == 0 ? "\r\n" : "\n"), leader.law + "“引号”\"内\"",
                         leader.problems.joined(separator: "\n"), leader.measures.joined(separator: "\n"),
                         index % 3 == 0 ? "备注\(index)" : "", index % 4 == 0 ? String(index * 7) : ""]
            if index == 3 { cells[4] = "党组书几" }
            if index == 5 { cells[0] = roster.leaders[0].id }
            if index == 7 { cells[5] = "2024" }
            if index == 9 { cells[6] = "另一个县" }
            if index == 11 { cells.append("多出的一列") }
            lines.append(cells.map(quoted).joined(separator: delimiter))
            if index == 12 { lines.append(String(repeating: delimiter, count: 5)) }
        }
        return lines.enumerated().map { $1 + ($0 % 5 == 0 ? "\r\n" : "\n") }.joined().dropLast().description
    }

    /// The leaders and problems a source gives, piece after piece.
    static func drain(_ source: inout any RosterSource, piece: Int) -> ([Leader], [RosterProblem]) {
        var leaders: [Leader] = [], problems: [RosterProblem] = []
        while let next = source.next(piece) {
            #expect(next.leaders.count <= piece)
            leaders += next.leaders
            problems += next.problems
        }
        return (leaders, problems)
    }

    static func write(_ text: String, bom: Bool = false, name: String = "roster.csv") throws -> URL {
        let url = Repo.temporaryDirectory().appendingPathComponent(name)
        try Data((bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)).write(to: url)
        return url
    }

    @Test("the same leaders and problems in the same order, whatever the chunk and piece sizes",
          arguments: [(",", "roster.csv", false), ("\t", "roster.tsv", true)])
    func sameAsWhole(delimiter: String, name: String, bom: Bool) throws {
        let url = try Self.write(try Self.csv(delimiter: delimiter), bom: bom, name: name)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let reader = RosterReader(catalog: Repo.catalog)
        let whole = try reader.read(url)
        #expect(whole.leaders.count > 15 && whole.problems.contains { $0.severity == .error })
        let format = try #require(RosterFormat(pathExtension: url.pathExtension))
        for chunk in [3, 7, 64, 1 << 20] {
            for piece in [1, 5, 256] {
                var source = try #require(try StreamedTable.open(url, reader: reader, format: format, chunkSize: chunk))
                #expect(source is StreamedTable)
                #expect(source.organization == whole.organization && source.year == whole.year)
                let (leaders, problems) = Self.drain(&source, piece: piece)
                #expect(leaders == whole.leaders, "chunk \(chunk), piece \(piece)")
                #expect(problems == whole.problems, "chunk \(chunk), piece \(piece)")
                #expect(source.failure == nil)
            }
        }
        var opened = try reader.open(url)
        #expect(opened is StreamedTable)
        var again = try #require(opened.restarted())
        #expect(Self.drain(&opened, piece: 4).0 == whole.leaders)
        #expect(Self.drain(&again, piece: 4).0 == whole.leaders)
    }

    @Test("GB18030 text, a file without a header, a NUL byte: left to the whole reading, which says what is wrong")
    func leftToWholeReading() throws {
        let reader = RosterReader(catalog: Repo.catalog)
        let text = try Self.csv()
        let gb = Repo.temporaryDirectory().appendingPathComponent("gb.csv")
        defer { try? FileManager.default.removeItem(at: gb.deletingLastPathComponent()) }
        try Data(try #require(TextEncoding.gb18030.encode(text))).write(to: gb)
        #expect(try StreamedTable.open(gb, reader: reader, format: .csv) == nil)
        var source = try reader.open(gb)
        #expect(Self.drain(&source, piece: 10).0 == (try reader.read(gb)).leaders)
        for broken in ["姓名,单位\n张三,县司法局\n", text.replacingOccurrences(of: "县委", with: "县\u{0}委")] {
            let url = try Self.write(broken)
            defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
            #expect(try StreamedTable.open(url, reader: reader, format: .csv) == nil)
            #expect(throws: RosterError.self) { try reader.open(url) }
        }
    }

    @Test("a roster changed after its first reading stops with a failure that says so")
    func changedWhileRead() throws {
        let url = try Self.write(try Self.csv())
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let reader = RosterReader(catalog: Repo.catalog)
        var source = try #require(try StreamedTable.open(url, reader: reader, format: .csv, chunkSize: 64))
        _ = source.next(2)
        try Data(Array((try Self.csv() + "\nQX999,新来的,县司法局,局长,政府工作部门主要负责人,2025").utf8)).write(to: url)
        _ = Self.drain(&source, piece: 10)
        #expect(source.failure?.message == RosterFault.changedWhileReading.description)
    }
}

extension TextEncoding {
    /// `text` in this encoding (for tests writing files in GB18030).
    func encode(_ text: String) -> [UInt8]? {
        guard let data = text.data(using: .utf8) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", name]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        guard (try? process.run()) != nil else { return nil }
        input.fileHandleForWriting.write(data)
        try? input.fileHandleForWriting.close()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? Array(bytes) : nil
    }
}
