import Foundation
import Testing

extension DeskTests {
    /// The whole year through a real headless Chromium (`scripts/e2e-desk.py`: Selenium, Debian's chromium and
    /// chromium-driver, installed by scripts/setup.sh): the real `shufa serve`, the real pages, the real
    /// uploads and downloads, a screenshot at each step (kept in $SHUFA_E2E_SCREENSHOTS when set).
    @Suite struct DeskBrowserTests {
        @Test(.timeLimit(.minutes(20)))
        func theWholeYearInABrowser() throws {
            for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"] {
                #expect(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is missing: run scripts/setup.sh")
            }
            let executable = try #require(ShufaCommand.executable)
            let screenshots =
                ProcessInfo.processInfo.environment["SHUFA_E2E_SCREENSHOTS"].map(URL.init(fileURLWithPath:))
                ?? Repo.temporaryDirectory().appendingPathComponent("screenshots")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = [
                Repo.root.appendingPathComponent("scripts/e2e-desk.py").path, "--shufa", executable.path,
                "--out", screenshots.path,
            ]
            process.currentDirectoryURL = Repo.root
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(text)")
            #expect(text.contains("e2e: the whole year passed"))
            for step in [
                "roster-problems", "build-progress", "batch", "leader-finding", "leader-fixed", "leader-word",
                "review-approved", "tally", "status-archived", "trail",
            ] {
                #expect(text.contains("-\(step).png"), "no screenshot of \(step)")
            }
            let pictures = try FileManager.default.contentsOfDirectory(atPath: screenshots.path).filter {
                $0.hasSuffix(".png")
            }
            #expect(pictures.count >= 15)
        }
    }
}
