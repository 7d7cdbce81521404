import Foundation
import ShufaKit
import Testing

@testable import ShufaServe

extension DeskTests {
    /// The small parts: telling files by content, form fields, multipart headers, download names, accounts, the
    /// sign-in throttle.
    @Suite struct DeskUnitTests {
        @Test func filesAreToldByTheirContent() throws {
            let samples = Repo.root.appendingPathComponent("samples")
            let returned = Repo.fixtures.appendingPathComponent("returned")
            let cases: [(URL, String, FileType)] = [
                (samples.appendingPathComponent("roster.xlsx"), "x.bin", .xlsx),
                (samples.appendingPathComponent("roster.ods"), "x.bin", .ods),
                (samples.appendingPathComponent("roster.fods"), "x.bin", .fods),
                (samples.appendingPathComponent("roster.json"), "x.bin", .json),
                (samples.appendingPathComponent("roster.csv"), "x.bin", .csv),
                (samples.appendingPathComponent("roster.tsv"), "x.bin", .tsv),
                (samples.appendingPathComponent("roster.yaml"), "roster.yml", .yaml),
                (returned.appendingPathComponent("ok.odt"), "ok.docx", .odt),
                (returned.appendingPathComponent("ok.docx"), "ok.odt", .docx),
                (returned.appendingPathComponent("prompt-style.fodt"), "x", .fodt),
            ]
            for (file, hint, type) in cases {
                #expect(FileSniffer.type(of: file, nameHint: hint) == type, "\(file.lastPathComponent)")
            }
            let report = returned.appendingPathComponent("ok.odt")
            #expect(UploadReceiver.type(of: report, name: "名单", purpose: .roster) == nil, "content: a report")
            #expect(
                UploadReceiver.type(of: report, name: "名单.odt", purpose: .roster) == nil, "name and content: a report")
            #expect(
                UploadReceiver.type(of: report, name: "名单.xlsx", purpose: .roster) == .xlsx, "the reader refuses it")
            #expect(UploadReceiver.type(of: report, name: "报告", purpose: .report) == .odt)
            let wps = Repo.temporaryDirectory().appendingPathComponent("交回.wps")
            let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
            try Data(signature + [UInt8](repeating: 0, count: 504)).write(to: wps)
            #expect(UploadReceiver.type(of: wps, name: "交回.wps", purpose: .report) == .doc, "WPS saves Word 97")
            #expect(FileType.Purpose.report.acceptAttribute.split(separator: ",").contains(".wps"))
        }

        @Test func formFieldsAndMultipartHeadersAreParsed() {
            #expect(FormFields.parse("a=1&b=%E4%B8%AD+%E6%96%87&a=2&c") == ["a": "1", "b": "中 文", "c": ""])
            let disposition = ContentDisposition(#"form-data; name="file"; filename="名单;\"甲\".xlsx""#)
            #expect(disposition.name == "file" && disposition.filename == "名单;\"甲\".xlsx")
            #expect(ContentDisposition("form-data; name=csrf").filename == nil)
            #expect(UploadReceiver.boundary("multipart/form-data; boundary=\"abc\"") == "abc")
            #expect(UploadReceiver.boundary("text/plain") == nil)
            #expect(StoredUpload.displayName("C:\\Users\\王\\名单\u{1B}[31m.xlsx") == "名单[31m.xlsx")
        }

        @Test func downloadNamesSurviveOldBrowsers() {
            let header = Reply.disposition("QC006-黄志刚-述职述法报告.odt")
            #expect(header.hasPrefix("attachment; filename=\"QC006-___-______.odt\"; filename*=UTF-8''QC006-%E9%BB%84"))
        }

        @Test func passwordsAreStoredAsBcryptHashesInAPrivateFile() throws {
            let folder = DataFolder(Repo.temporaryDirectory())
            let store = AccountStore(folder: folder, cost: 4)
            try store.add(name: "wang", role: .leader, leader: "QC006", password: "正确的密码abc", by: "tests")
            #expect(try store.authenticate(name: "wang", password: "正确的密码abc")?.leader == "QC006")
            #expect(try store.authenticate(name: "wang", password: "错误的密码abc") == nil)
            let text = try String(contentsOf: folder.accounts, encoding: .utf8)
            #expect(!text.contains("正确的密码") && text.contains("$2b$04$"))
            let mode = try FileManager.default.attributesOfItem(atPath: folder.accounts.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(throws: DeskError.self) {
                try store.add(name: "wang", role: .clerk, leader: nil, password: "another1", by: "t")
            }
        }

        @Test func theThrottleLetsANameTryAgainAfterTheWindow() async {
            let throttle = LoginThrottle(limit: 2, window: 60)
            let start = Date()
            await throttle.failed("a", now: start)
            #expect(await throttle.wait("a", now: start) == nil)
            await throttle.failed("a", now: start)
            #expect(await throttle.wait("a", now: start.addingTimeInterval(1)) == 59)
            #expect(await throttle.wait("a", now: start.addingTimeInterval(61)) == nil)
        }

        /// Names tried by guessing (each different, each as long as a form allows) are not kept for ever: the
        /// throttle holds a name only while its failures count, and only as long as an account name can be.
        @Test func theThrottleForgetsNamesWhoseWindowHasPassed() async {
            let throttle = LoginThrottle(limit: 5, window: 60)
            let start = Date()
            for index in 0..<500 {
                let name = "guess\(index)" + String(repeating: "x", count: 10_000)
                #expect(await throttle.wait(name, now: start) == nil)
                await throttle.failed(name, now: start)
            }
            #expect(await throttle.wait("unknown", now: start) == nil)
            #expect(await throttle.trackedNames <= 500)
            await throttle.failed("late", now: start.addingTimeInterval(61))
            #expect(await throttle.trackedNames == 1, "only the name whose failure still counts")
            #expect(await throttle.longestName <= 33)
        }

        @Test func everyMessageIsChinese() {
            let errors: [DeskError] = [
                .badAccountName("x"), .passwordTooShort(8), .passwordTooLong, .leaderMissing,
                .leaderForOtherRole(.clerk),
                .unknownRole("x"), .accountExists("x"), .accountsUnreadable(path: "p", reason: "r"), .notSignedIn,
                .badLogin,
                .forbidden(.leader), .csrf, .notFound, .notMultipart, .tooLarge(limit: 1 << 20),
                .tooManyFiles(limit: 1),
                .noFile, .unsupportedFile(name: "f", expected: .report), .badForm,
                .dataFolder(path: "p", reason: "r"), .noRoster, .noBatch, .jobRunning, .build("m"), .passwordsDiffer,
                .notYours(file: "f", owner: "A", own: "B"), .unknownLeader("x"), .tally("m"), .badYear("x"),
            ]
            for error in errors {
                let text = DeskMessages.text(error)
                #expect(text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(error): \(text)")
            }
            let roster = OutputMessages.text(.roster(RosterError(file: "名单.csv", .empty)))
            #expect(DeskMessages.text(.roster(roster)) == roster, "the library's message, as the command line says it")
        }
    }
}
