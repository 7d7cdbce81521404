import Foundation

/// The real `shufa` executable, run in a folder, with standard input: what a clerk's shell sees.
enum ShufaCommand {
    static let executable: URL? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Repo.root.appendingPathComponent(".build/debug"),
        ]
        return candidates.map { $0.appendingPathComponent("shufa") }.first {
            FileManager.default.isExecutableFile(atPath: $0.path)
        }
    }()

    struct NotBuilt: Error, CustomStringConvertible {
        var description: String { "the shufa executable was not found beside the tests: run swift build first" }
    }

    static func run(
        _ arguments: [String], in folder: URL = Repo.root, input: String = ""
    ) throws -> (status: Int32, output: String, error: String) {
        guard let executable else { throw NotBuilt() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        let error = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = stdin
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
