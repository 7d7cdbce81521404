import ArgumentParser
import Foundation

/// `shufa`: 述职述法 documents from a roster and ODF templates.
struct Shufa: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shufa",
        abstract: "Builds 述职述法 drafts, reports and evaluation forms from a roster and ODF templates.",
        discussion: """
            Exit codes: 0 everything done; 1 some leader's documents could not be made (see summary.json),
            or --strict refused a roster with bad rows (nothing written); 2 nothing could be done (bad
            arguments, unreadable roster, broken templates).
            """,
        subcommands: [Build.self, Check.self, Extract.self, Print.self, Tally.self,
                      ArchiveCommand.self, ReviewCommand.self, StatusCommand.self, Serve.self, UserCommand.self],
        defaultSubcommand: Build.self)
}

/// Runs the command; usage errors exit with 2 (not ArgumentParser's 64), as documented.
func runShufa() -> Never {
    do {
        var command = try Shufa.parseAsRoot()
        try command.run()
        Shufa.exit()
    } catch {
        let code = Shufa.exitCode(for: error)
        guard code.rawValue == 64 else { Shufa.exit(withError: error) }
        FileHandle.standardError.write(Data((Shufa.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
}

runShufa()
