import Foundation
import ShufaODF
import Testing

@testable import ShufaServe

extension DeskTests {
    /// What uploads are refused, and that a hostile file gets the message the command line gives for it.
    @Suite struct UploadRefusalTests {
        @Test func formsThatAreNotUploadsOrLackTheTokenAreRefused() async throws {
            let desk = try await TestDesk.make()
            let roster = try DeskFlow.rosterData()
            try await desk.test(signedInAs: "clerk") { browser in
                try await browser.get("/clerk")
                let plain = try await browser.post("/clerk/roster", ["file": "x"])
                #expect(plain.status == .unsupportedMediaType && plain.text.contains(DeskMessages.text(.notMultipart)))
                let noToken = try await browser.upload("/clerk/roster", files: [("名单.json", roster)], token: .omitted)
                #expect(noToken.status == .forbidden && noToken.text.contains(DeskMessages.text(.csrf)))
                let none = try await browser.upload("/clerk/roster", files: [])
                #expect(none.status == .unprocessableContent && none.text.contains(DeskMessages.text(.noFile)))
                let two = try await browser.upload("/clerk/roster", files: [("a.json", roster), ("b.json", roster)])
                #expect(two.status == .unprocessableContent)
                #expect(two.text.contains(DeskMessages.text(.tooManyFiles(limit: 1))))
                let empty = try await browser.upload("/clerk/roster", files: [("空.csv", Data())])
                #expect(empty.status == .unprocessableContent && empty.text.contains("名单 空.csv：文件是空的"))
                let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]) + Data(count: 64)
                let picture = try await browser.upload("/clerk/roster", files: [("照片.png", png)])
                #expect(picture.status == .unsupportedMediaType)
                #expect(
                    picture.text.contains(
                        Pages.escape(DeskMessages.text(.unsupportedFile(name: "照片.png", expected: .roster)))))
                let report = try await browser.upload(
                    "/clerk/roster", files: [("报告.odt", try DeskFlow.fixture("returned/ok.odt"))])
                #expect(report.status == .unsupportedMediaType, "a report is not a roster, whatever its name says")
            }
            #expect(desk.desk.state.roster == nil)
            let kept = try FileManager.default.contentsOfDirectory(
                atPath: desk.data.appendingPathComponent("uploads").path)
            #expect(kept.isEmpty, "a refused upload leaves nothing: \(kept)")
        }

        @Test func anUploadOverTheLimitIsRefusedWhileItStreams() async throws {
            let desk = try await TestDesk.make(limits: UploadLimits(bytes: 1 << 20, files: 1))
            try await desk.test(signedInAs: "clerk") { browser in
                try await browser.get("/clerk")
                let big = Data(repeating: 0x41, count: 2 << 20)
                let page = try await browser.upload("/clerk/roster", files: [("大.csv", big)])
                #expect(page.status == .contentTooLarge)
                #expect(page.text.contains(DeskMessages.text(.tooLarge(limit: 1 << 20))))
            }
            let uploads = try FileManager.default.contentsOfDirectory(
                atPath: desk.data.appendingPathComponent("uploads").path)
            #expect(uploads.isEmpty, "nothing of a refused upload is kept")
            let work = try FileManager.default.contentsOfDirectory(
                atPath: desk.data.appendingPathComponent("work").path)
            #expect(work.isEmpty, "its scratch files are removed")
        }

        @Test func aFormOverItsTextLimitSaysTheLimitInKiB() async throws {
            let desk = try await TestDesk.make()
            try await desk.test(signedInAs: "clerk") { browser in
                try await browser.get("/clerk")
                let page = try await browser.post("/clerk/build", ["filler": String(repeating: "x", count: 100 << 10)])
                #expect(page.status == .contentTooLarge)
                #expect(page.text.contains("上传的内容超过 64 KiB 的限制，未接收"), "\(page.text)")
                #expect(try await browser.get("/clerk").status == .ok, "the clerk is still signed in")
            }
        }

        @Test func aFileNameOfMegabytesRefusesTheForm() async throws {
            let desk = try await TestDesk.make()
            try await desk.test(signedInAs: "clerk") { browser in
                try await browser.get("/clerk")
                let name = String(repeating: "名", count: 100_000) + ".json"
                let page = try await browser.upload("/clerk/roster", files: [(name, try DeskFlow.rosterData())])
                #expect(page.status == .unprocessableContent && page.text.contains(DeskMessages.text(.badForm)))
            }
            #expect(desk.desk.state.roster == nil)
        }

        @Test func uploadsAreKeptUnderTheirContentNeverTheirName() async throws {
            let desk = try await TestDesk.make()
            let roster = try DeskFlow.rosterData()
            try await desk.test(signedInAs: "clerk") { browser in
                try await browser.get("/clerk")
                let page = try await browser.upload("/clerk/roster", files: [("../../../etc/名单\u{7}.json", roster)])
                #expect(page.status == .seeOther)
            }
            let sha = ContentDigest.hex(roster)
            let uploads = try FileManager.default.contentsOfDirectory(
                atPath: desk.data.appendingPathComponent("uploads").path)
            #expect(uploads == ["\(sha).json"])
            #expect(desk.desk.state.roster?.upload.name == "名单.json")
        }

        /// Every damaged or hostile roster of the library's tests: refused with the command line's message.
        @Test func hostileRostersGetTheCommandLinesMessage() async throws {
            let folder = Repo.fixtures.appendingPathComponent("rosters/unreadable")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            let desk = try await TestDesk.make()
            let scratch = Repo.temporaryDirectory()
            let refused = Counter()
            try await desk.test(signedInAs: "clerk") { browser in
                for name in names {
                    let data = try Data(contentsOf: folder.appendingPathComponent(name))
                    try await browser.get("/clerk")
                    let page = try await browser.upload("/clerk/roster", files: [(name, data)])
                    guard page.status != .seeOther else { continue }
                    refused.add()
                    try data.write(to: scratch.appendingPathComponent(name))
                    let command = try ShufaCommand.run(
                        ["build", name, "--out", "out", "--templates", Repo.templates.path, "--no-check"], in: scratch)
                    #expect(command.status == 2, "\(name)")
                    let line = command.error.trimmingCharacters(in: .whitespacesAndNewlines)
                    let message = String(line.dropFirst("shufa: ".count))
                    #expect(
                        line.hasPrefix("shufa: 名单 ") && page.text.contains(Pages.escape(message)),
                        "\(name): \(line) vs \(page.text)")
                    #expect(page.status == .unprocessableContent || page.status == .unsupportedMediaType, "\(name)")
                }
            }
            #expect(refused.value == names.count)
        }

        /// Reports the command line refuses (entities, a zip bomb, not a package, encrypted, random bytes): the
        /// leader gets the same message.
        @Test func hostileReportsGetTheCommandLinesMessage() async throws {
            let desk = try await TestDesk.make()
            try await DeskFlow.built(desk)
            let scratch = Repo.temporaryDirectory()
            let zeros = [UInt8](repeating: 0x20, count: 64 << 20 + 1024)
            let bomb = ZipWriter.archive([
                .stored("mimetype", Array("application/vnd.oasis.opendocument.text".utf8)),
                .deflated("content.xml", zeros, level: 9),
            ])
            let laughs = """
                <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>\
                <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
                office:mimetype="application/vnd.oasis.opendocument.text">&lol2;</office:document>
                """
            let files: [(String, Data)] = [
                ("笑.fodt", Data(laughs.utf8)), ("炸弹.odt", Data(bomb)),
                (
                    "空包.odt",
                    Data(
                        ZipWriter.archive([.stored("mimetype", Array("application/vnd.oasis.opendocument.text".utf8))]))
                ),
                ("乱码.odt", Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) })),
            ]
            try await desk.test(signedInAs: "huang") { browser in
                for (name, data) in files {
                    try await browser.get("/leader")
                    let page = try await browser.upload("/leader/upload", files: [(name, data)])
                    try data.write(to: scratch.appendingPathComponent(name))
                    let command = try ShufaCommand.run(
                        ["check", name, "--templates", Repo.templates.path, "--schemas", Repo.schemas.path], in: scratch
                    )
                    #expect(command.status == 2, "\(name): \(command.error)")
                    // The command line names the file by its path; the desk by the name it came with.
                    let line = command.error.trimmingCharacters(in: .whitespacesAndNewlines)
                        .replacingOccurrences(of: scratch.appendingPathComponent(name).path, with: name)
                    let message = String(line.dropFirst("shufa: ".count))
                    #expect(page.status == .unprocessableContent, "\(name): \(page.status)")
                    #expect(
                        message.hasPrefix("无法读取 \(name)") && page.text.contains(Pages.escape(message)),
                        "\(name): \(line)")
                }
            }
            #expect(desk.desk.state.leader("QC006") == nil, "nothing refused is recorded")
            let kept = try FileManager.default.contentsOfDirectory(
                atPath: desk.data.appendingPathComponent("uploads").path)
            #expect(kept.count == 1, "only the roster is kept: \(kept)")
        }
    }
}

/// A count shared with the test client's closure.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
