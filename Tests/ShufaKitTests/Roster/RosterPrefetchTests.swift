import Foundation
@testable import ShufaRoster
import Testing

/// The roster `shufa build` is given is read while its command line is parsed, and only that one.
@Suite("ShufaRoster: the roster read before the command line is parsed")
struct RosterPrefetchTests {
    @Test("the JSON or YAML roster of build (named or the default command), never another command's file")
    func rosterArgument() {
        let cases: [([String], String?)] = [
            (["shufa", "build", "r.json"], "r.json"),
            (["shufa", "build", "--out", "out", "--format", "both", "名单.yaml"], "名单.yaml"),
            (["shufa", "r.yml", "--kinds", "report"], "r.yml"),
            (["shufa", "--out", "o", "r.JSON"], "r.JSON"),
            (["shufa", "build", "r.csv"], nil), (["shufa", "build", "r.xlsx"], nil),
            (["shufa", "check", "r.json"], nil), (["shufa", "archive", "add", "r.json"], nil),
            (["shufa", "tally", "votes.csv"], nil), (["shufa"], nil), (["shufa", "build"], nil),
        ]
        for (arguments, roster) in cases {
            #expect(RosterPrefetch.rosterArgument(commandLine: arguments) == roster, "\(arguments)")
        }
    }

    @Test("a prefetch hands over the file's bytes and its parsed document")
    func takenForItsFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prefetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("r.json")
        let bytes = Data(#"{"year": 2025, "leaders": []}"#.utf8)
        try bytes.write(to: file)
        let prefetch = RosterPrefetch.of(file)
        #expect(prefetch.url == file)
        let taken = try #require(prefetch.take())
        #expect(try taken.file.get() == bytes)
        #expect(try taken.parsed?.get()["year"] as? NSNumber == 2025)
    }
}
