import Foundation
import Testing

@testable import ShufaServe

extension DeskTests {
    /// `shufa user add` and `shufa serve` as a clerk runs them.
    @Suite struct ServeCommandTests {
        @Test func userAddReadsThePasswordFromStandardInput() throws {
            let data = Repo.temporaryDirectory().appendingPathComponent("desk")
            let made = try ShufaCommand.run(
                ["user", "add", "wang", "--role", "leader", "--leader", "QC006", "--data", data.path],
                input: "长长的密码123\n")
            #expect(made.status == 0 && made.output.contains("已建立账号 wang（领导干部 QC006）"), "\(made.error)")
            let again = try ShufaCommand.run(
                ["user", "add", "wang", "--role", "clerk", "--data", data.path], input: "another-password\n")
            #expect(again.status == 2 && again.error.contains("账号「wang」已存在"))
            let short = try ShufaCommand.run(
                ["user", "add", "li", "--role", "clerk", "--data", data.path], input: "short\n")
            #expect(short.status == 2 && short.error.contains("密码太短"))
            let role = try ShufaCommand.run(["user", "add", "li", "--role", "boss", "--data", data.path], input: "x\n")
            #expect(role.status == 2 && role.error.contains("不认识的角色「boss」"))
            let leader = try ShufaCommand.run(
                ["user", "add", "li", "--role", "leader", "--data", data.path], input: "longenough\n")
            #expect(leader.status == 2 && leader.error.contains("--leader"))
            let store = AccountStore(folder: DataFolder(data), cost: 4)
            #expect(try store.authenticate(name: "wang", password: "长长的密码123")?.role == .leader)
            let list = try ShufaCommand.run(["user", "list", "--data", data.path])
            #expect(list.output.contains("wang\t领导干部\tQC006") && !list.output.contains("$2b$"))
        }

        @Test func serveSaysWhenItListensBeyondThisMachine() throws {
            for (bind, warned) in [("127.0.0.1", false), ("0.0.0.0", true)] {
                let data = Repo.temporaryDirectory().appendingPathComponent("desk")
                let (lines, _) = try Self.serve(["--bind", bind, "--data", data.path])
                #expect(lines.contains { $0.contains("述法工作台已启动：http://\(bind):") }, "\(lines)")
                #expect(lines.contains { $0.contains("注意：服务监听 \(bind)") } == warned, "\(lines)")
                #expect(lines.contains { $0.contains("还没有账号") })
            }
        }

        @Test func serveRefusesAPortInUse() throws {
            let data = Repo.temporaryDirectory().appendingPathComponent("desk")
            let (lines, port) = try Self.serve(["--data", data.path], keep: true)
            defer { Self.stop() }
            #expect(lines.contains { $0.contains("已启动") })
            let second = try ShufaCommand.run(["serve", "--port", "\(port)", "--data", data.path + "-2"])
            #expect(second.status == 2 && second.error.contains("无法在 127.0.0.1:\(port) 上启动"), "\(second.error)")
        }

        nonisolated(unsafe) private static var running: Process?

        /// Starts `shufa serve` on a free port, waits for its first lines on standard error, and stops it
        /// (unless `keep`).
        static func serve(_ arguments: [String], keep: Bool = false) throws -> ([String], Int) {
            let port = Int.random(in: 20_000...60_000)
            let process = Process()
            process.executableURL = try #require(ShufaCommand.executable)
            process.arguments = ["serve", "--port", "\(port)"] + arguments
            process.currentDirectoryURL = Repo.root
            let error = Pipe()
            process.standardError = error
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            var text = ""
            let deadline = Date().addingTimeInterval(60)
            while !text.contains("已启动") && Date() < deadline && process.isRunning {
                text += String(decoding: error.fileHandleForReading.availableData, as: UTF8.self)
            }
            if keep {
                running = process
            } else {
                process.terminate()
                process.waitUntilExit()
            }
            return (text.split(separator: "\n").map(String.init), port)
        }

        static func stop() {
            running?.terminate()
            running?.waitUntilExit()
            running = nil
        }
    }
}
