import Foundation
import Testing

/// The house style the compiler does not check: no line over 120 columns in Sources and Tests (the
/// `.swift-format` configuration's `lineLength`), and files named after what they hold.
@Suite("Source style")
struct SourceStyleTests {
    /// Every Swift file of Sources and Tests (fixtures left out).
    static func swiftFiles() -> [URL] {
        ["Sources", "Tests"].flatMap { folder -> [URL] in
            let root = Repo.root.appendingPathComponent(folder)
            let found = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL } ?? []
            return found.filter { $0.pathExtension == "swift" && !$0.path.contains("/Fixtures/") }
        }
    }

    @Test("no line of Sources or Tests is over 120 characters")
    func lineLength() throws {
        let files = Self.swiftFiles()
        #expect(files.count > 200)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() where line.count > 120 {
                let path = file.path.dropFirst(Repo.root.path.count + 1)
                Issue.record("\(path):\(index + 1) is \(line.count) characters")
            }
        }
        let configuration = try String(contentsOf: Repo.root.appendingPathComponent(".swift-format"), encoding: .utf8)
        #expect(configuration.contains(#""lineLength" : 120"#))
    }

    @Test("a library file that declares one type is named after it")
    func fileNames() throws {
        let declaration = /^(?:public |package |final |indirect )*(?:struct|enum|class|protocol) (\w+)/
        for file in Self.swiftFiles() where file.path.contains("/Sources/Shufa") {
            let text = try String(contentsOf: file, encoding: .utf8)
            let names = text.split(separator: "\n").compactMap { $0.firstMatch(of: declaration)?.1 }.map(String.init)
            let stem = file.deletingPathExtension().lastPathComponent
            guard names.count == 1, !stem.contains("+") else { continue }
            #expect(names[0] == stem, "\(file.lastPathComponent) declares \(names[0])")
        }
    }
}
