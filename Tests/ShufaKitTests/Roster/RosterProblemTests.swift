import Foundation
@testable import ShufaCatalog
import ShufaKit
@testable import ShufaOutput
@testable import ShufaRoster
@testable import ShufaSystem
import Testing

/// Expectations shared by the bad-input tests.
enum Problems {
    /// Reads a CSV roster of `rows` under `header`; the first row is always the good leader T001.
    static func read(_ rows: String..., header: String = Rosters.header) throws -> Roster {
        try Rosters.read(Rosters.csv(Rosters.good, header: header) + rows.map { $0 + "\r\n" }.joined())
    }

    /// The one error of `roster`, checked to name the file, `row` and `column`, and to say `saying`.
    static func expectError(_ roster: Roster, row: Int, column: String, saying text: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        let errors = roster.problems.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)", sourceLocation: sourceLocation)
        guard let error = errors.first else { return }
        #expect(
            error.location == RecordLocation(file: "roster.csv", row: row, unit: "row"), sourceLocation: sourceLocation)
        #expect(error.field == column, sourceLocation: sourceLocation)
        #expect(
            error.description.hasPrefix("roster.csv 第 \(row) 行，\(column)"), "\(error)", sourceLocation: sourceLocation)
        #expect(error.message.contains(text), "\(error.message)", sourceLocation: sourceLocation)
        #expect(roster.leaders.map(\.id).contains("T001"), "the good row is still read", sourceLocation: sourceLocation)
    }
}

@Suite("Bad rows: each problem names the file, the row and the column; the row is left out")
struct RosterProblemTests {
    @Test("a required field left empty")
    func missingRequiredField() throws {
        let roster = try Problems.read("T002,,县财政局,局长,部门主要负责人,2025,4")
        Problems.expectError(roster, row: 3, column: "姓名", saying: "必填项为空：请填写")
        #expect(roster.leaders.map(\.id) == ["T001"])
    }

    @Test("an unknown role, with the closest known role suggested")
    func unknownRole() throws {
        let roster = try Problems.read("T002,乙,县财政局,局长,部门主要负责任,2025,4")
        Problems.expectError(roster, row: 3, column: "类别", saying: "述法主体类别「部门主要负责任」不在目录中，是否应为「部门主要负责人」？")
    }

    @Test("a duplicate id, naming the row that has it first")
    func duplicateID() throws {
        let roster = try Problems.read("T001,乙,县财政局,局长,部门主要负责人,2025,4")
        Problems.expectError(roster, row: 3, column: "编号", saying: "编号「T001」重复：roster.csv 第 2 行已用过")
        #expect(roster.leaders.map(\.name) == ["甲"])
    }

    @Test("an indicator that is not a number")
    func nonNumericIndicator() throws {
        let roster = try Problems.read("T002,乙,县财政局,局长,部门主要负责人,2025,四次")
        Problems.expectError(roster, row: 3, column: "会前学法次数", saying: "指标值「四次」不是零或正数")
    }

    @Test("a negative indicator")
    func negativeIndicator() throws {
        let roster = try Problems.read("T002,乙,县财政局,局长,部门主要负责人,2025,-1")
        Problems.expectError(roster, row: 3, column: "会前学法次数", saying: "指标值「-1」不是零或正数")
    }

    @Test("a year missing in a row")
    func yearMissing() throws {
        let roster = try Problems.read("T002,乙,县财政局,局长,部门主要负责人,,4")
        Problems.expectError(roster, row: 3, column: "年度", saying: "缺少年度")
    }

    @Test("a year out of range")
    func yearOutOfRange() throws {
        let roster = try Problems.read("T002,乙,县财政局,局长,部门主要负责人,1850,4")
        Problems.expectError(roster, row: 3, column: "年度", saying: "「1850」不是 1990 到 2200 之间的年份")
    }

    @Test("a year that differs from the other rows'")
    func yearDiffers() throws {
        let roster = try Problems.read("T002,乙,县财政局,局长,部门主要负责人,2025,4", "T003,丙,县财政局,局长,部门主要负责人,2024,4")
        Problems.expectError(roster, row: 4, column: "年度", saying: "年度 2024 与名单的年度 2025（多数行）不同")
        #expect(roster.year == 2025)
    }

    @Test("no row with a year at all makes the roster unreadable")
    func noYearAnywhere() throws {
        let error = Rosters.error { () throws(RosterError) in
            try Rosters.reader().read(Data(Rosters.csv("T001,甲,县司法局,局长,部门主要负责人,,4").utf8), file: "roster.csv")
        }
        #expect(error?.message.contains("年度（year）列中没有一行写了 1990 到 2200 之间的年份") == true)
    }

    @Test("a text far over any sane length, long or short field")
    func overlongText() throws {
        let law = String(repeating: "法", count: RosterReader.maximumTextLength + 1)
        let roster = try Problems.read("T002,乙,县财政局,局长,部门主要负责人,2025,4,\(law)", header: Rosters.header + ",述法内容")
        Problems.expectError(roster, row: 3, column: "述法内容", saying: "文本长 20001 个字符（20001 个 Unicode 码位），超过上限 20000")
        let name = String(repeating: "名", count: RosterReader.maximumShortTextLength + 1)
        let short = try Problems.read("T002,\(name),县财政局,局长,部门主要负责人,2025,4")
        Problems.expectError(short, row: 3, column: "姓名", saying: "超过上限 500")
    }

    @Test("characters XML forbids are removed with a warning naming the row and column; the leader is kept")
    func forbiddenCharacters() throws {
        let roster = try Problems.read("T002,乙\u{07}\u{1B},县财政局,局长,部门主要负责人,2025,4")
        #expect(roster.leaders.map(\.name) == ["甲", "乙"])
        let warning = try #require(roster.problems.first)
        #expect(warning.severity == .warning)
        #expect(warning.description == "roster.csv 第 3 行，姓名（T002）：已删去 2 个 XML 不允许的控制字符")
    }

    @Test("control characters in a header are removed with a warning naming the header row and column")
    func forbiddenInHeader() throws {
        let roster = try Rosters.read(
            Rosters.csv(Rosters.good, header: Rosters.header.replacingOccurrences(of: "会前学法次数", with: "会前学法次数\u{1}")))
        #expect(roster.leaders.first?.indicators == ["会前学法次数": 4])
        #expect(roster.problems.first?.description == "roster.csv 第 1 行，G 列：已从表头中删去 1 个 XML 不允许的控制字符")
    }

    @Test("a JSON record's problems name the record and the field by key and Chinese name")
    func jsonLocations() throws {
        let json =
            #"{"year": 2025, "leaders": [{"id": "J1", "name": "甲", "unit": "乙", "position": "丙", "#
            + #""role": "部门主要负责人", "year": 2024}]}"#
        let roster = try Rosters.read(json, file: "r.json")
        #expect(roster.problems.first?.description.hasPrefix("r.json 第 1 条记录，年度（J1）：年度 2024 与名单的年度 2025") == true)
        #expect(roster.problems.first?.field == "year (年度)")
    }
}

@Suite("Unreadable roster files: one clear error, never a crash")
struct UnreadableRosterTests {
    static let files: [(String, String)] = [
        ("empty.csv", "文件是空的"),
        ("empty.xlsx", "文件是空的"),
        ("garbage.csv", "既不是 UTF-8 也不是 GB18030/GBK 文本"),
        ("undecodable.csv", "既不是 UTF-8 也不是 GB18030/GBK 文本"),
        ("garbage.xlsx", "不是 XLSX 工作簿（ZIP 包）：其中是另一种二进制数据"),
        ("garbage.ods", "不是 OpenDocument 电子表格（ZIP 包）"),
        ("garbage.json", "不是有效的 JSON：第 1 行"),
        ("truncated.xlsx", "不是可读的 ZIP 包（文件不完整或已损坏）"),
        ("truncated.ods", "不是可读的 ZIP 包（文件不完整或已损坏）"),
        ("truncated.fods", "已损坏或不完整（不是格式正确的 XML"),
        ("csv-named.xlsx", "看起来是文本：如是 CSV，请命名为 .csv"),
        ("old-excel.xlsx", "旧版 Excel 97–2003（.xls）"),
        ("text-document.ods", "不是电子表格"),
        ("no-workbook.xlsx", "没有工作簿部分"),
    ]

    @Test("each gives a RosterError naming the file and saying what is wrong", arguments: files)
    func unreadable(file: String, message: String) throws {
        let error = Rosters.error { () throws(RosterError) in
            try Rosters.reader().read(Rosters.unreadable.appendingPathComponent(file))
        }
        #expect(error?.file == file)
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }

    @Test("an unknown extension names the formats; .xls says to save as .xlsx")
    func unknownExtension() throws {
        let xls = Rosters.error { () throws(RosterError) in try Rosters.reader().read(Data("x".utf8), file: "r.xls") }
        #expect(xls?.message == "不认识的名单格式「.xls」：请另存为 .xlsx")
        let txt = Rosters.error { () throws(RosterError) in try Rosters.reader().read(Data("x".utf8), file: "r.txt") }
        #expect(txt?.message.contains(".json、.yaml、.yml、.csv、.tsv、.ods、.fods 或 .xlsx") == true)
    }

    @Test("a sheet without a header row, or without any row, is refused")
    func noHeader() throws {
        let noHeader = Rosters.error { () throws(RosterError) in
            try Rosters.reader().read(Data("a,b\r\n1,2\r\n".utf8), file: "r.csv")
        }
        #expect(noHeader?.message.contains("前 10 行中没有表头行") == true)
        let blank = Rosters.error { () throws(RosterError) in
            try Rosters.reader().read(Data(",,\r\n\r\n".utf8), file: "r.csv")
        }
        #expect(blank?.message == "工作表中没有有内容的行")
    }
}

@Suite("Output: bad rows skipped, --strict, safe unique file names, re-runs")
struct RosterOutputTests {
    /// Builds `csv` (written as roster.csv in a new folder) into `out`.
    static func build(
        _ csv: String, out: URL, strict: Bool = false, kinds: Set<DocumentKind> = [.draft]
    ) throws -> BuildSummary {
        let folder = Repo.temporaryDirectory()
        let roster = folder.appendingPathComponent("roster.csv")
        try Data(csv.utf8).write(to: roster)
        let request = BuildRequest(roster: roster, templates: Repo.templates, output: out, kinds: kinds, strict: strict)
        return try BatchBuilder(request).run()
    }

    static let badRoster = Rosters.csv(Rosters.good, "T002,,县财政局,局长,部门主要负责人,2025,4", "T003,丙,县财政局,局长,部门主要负责人,2025,4")

    @Test("a bad row is skipped and counted; every other leader is built")
    func skipped() throws {
        let summary = try Self.build(Self.badRoster, out: Repo.temporaryDirectory())
        #expect(summary.skippedLeaders == 1 && !summary.refused)
        #expect(Set(summary.documents.compactMap(\.leader)) == ["T001", "T003"])
    }

    @Test("--strict refuses the whole batch when any row is bad, and writes nothing")
    func strict() throws {
        let out = Repo.temporaryDirectory().appendingPathComponent("out")
        let summary = try Self.build(Self.badRoster, out: out, strict: true)
        #expect(summary.refused && summary.documents.isEmpty && summary.skippedLeaders == 1)
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let good = try Self.build(Rosters.csv(Rosters.good), out: out, strict: true)
        #expect(!good.refused && good.documents.count == 1)
    }

    @Test("names from ids that sanitise alike, or differ only in case, stay distinct and deterministic")
    func uniqueNames() {
        let texts = ["a/b-张三", "a_b-张三", "A_B-张三", "..-x", "CON", String(repeating: "长", count: 300)]
        let names = OutputFiles.uniqueNames(texts)
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
        #expect(names == OutputFiles.uniqueNames(texts))
        var together = UniqueNames()
        #expect(together.next(texts + texts) == OutputFiles.uniqueNames(texts + texts), "made on every core, the same")
        #expect(names[0] == "a_b-张三" && names[1].hasPrefix("a_b-张三~") && names[2].hasPrefix("A_B-张三~"))
        for name in names {
            #expect(!name.contains("/") && !name.contains("\\") && !name.contains("..") && name != "CON")
            #expect("\(name)-民主测评表.fodt".utf8.count <= 255)
            #expect("\(name)-民主测评表.fodt".replacingOccurrences(of: "长", with: "𠀀").utf8.count <= 255)
        }
    }

    @Test("two leaders whose ids sanitise alike get two files, all inside --out")
    func collidingIDs() throws {
        let parent = Repo.temporaryDirectory()
        let out = parent.appendingPathComponent("out")
        let csv = Rosters.csv("a/b,张三,县司法局,局长,部门主要负责人,2025,4", "a_b,张三,县司法局,副局长,领导班子其他成员,2025,",
                              "../../x,李四,县司法局,副局长,领导班子其他成员,2025,")
        let summary = try Self.build(csv, out: out)
        let drafts = summary.documents.map(\.path)
        #expect(Set(drafts).count == 3)
        #expect(drafts.allSatisfy { $0.hasPrefix("draft/") && !$0.dropFirst(6).contains("/") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["out"])
        let written = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("draft").path)
        #expect(written.count == 3)
    }

    @Test("a second run into the same --out replaces its own files and leaves others alone")
    func rerun() throws {
        let out = Repo.temporaryDirectory()
        let manager = FileManager.default
        try manager.createDirectory(at: out.appendingPathComponent("draft"), withIntermediateDirectories: true)
        for path in ["notes.txt", "draft/mine.fodt"] {
            try Data("keep".utf8).write(to: out.appendingPathComponent(path))
        }
        let first = try Self.build(Self.badRoster, out: out)
        let second = try Self.build(Self.badRoster, out: out)
        #expect(first.documents == second.documents)
        for path in ["notes.txt", "draft/mine.fodt"] {
            #expect(try Data(contentsOf: out.appendingPathComponent(path)) == Data("keep".utf8))
        }
        let files = try manager.contentsOfDirectory(atPath: out.appendingPathComponent("draft").path)
        #expect(files.count == 3 && !files.contains { $0.hasSuffix(".tmp") })
    }
}

@Suite("shufa build: exit codes for rosters")
struct RosterCommandTests {
    static func run(_ arguments: [String]) throws -> ChildProcess { try ChildProcess.shufa(arguments, timeout: 120) }

    @Test("bad rows: exit 1 and a summary naming them; --strict: exit 1 and nothing written")
    func badRows() throws {
        let out = Repo.temporaryDirectory()
        let roster = Rosters.fixtures.appendingPathComponent("bad-rows.xlsx").path
        let plain = try Self.run(["build", roster, "--out", out.path, "--kinds", "draft"])
        #expect(plain.status == 1)
        #expect(plain.output.contains("bad-rows.xlsx 第 7 行，姓名"))
        let strictOut = out.appendingPathComponent("strict")
        let strict = try Self.run(["build", roster, "--out", strictOut.path, "--strict"])
        #expect(strict.status == 1 && strict.output.contains("--strict"))
        #expect(!FileManager.default.fileExists(atPath: strictOut.path))
    }

    @Test("an unreadable roster or a bad --encoding: exit 2, one line on stderr, no crash",
          arguments: ["garbage.csv", "truncated.xlsx", "garbage.ods", "empty.csv"])
    func unreadable(file: String) throws {
        let result = try Self.run([
            "build", Rosters.unreadable.appendingPathComponent(file).path, "--out", Repo.temporaryDirectory().path,
        ])
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("shufa: 名单 \(file)：") && result.error.split(separator: "\n").count == 1)
        let encoding = try Self.run([
            "build", "samples/roster.csv", "--encoding", "klingon", "--out", Repo.temporaryDirectory().path,
        ])
        #expect(encoding.status == 2 && encoding.error.contains("不认识的编码「klingon」"))
    }
}
