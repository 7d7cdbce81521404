import ArgumentParser

/// `shufa`: 述职述法 documents from a roster and ODF templates.
struct Shufa: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shufa",
        abstract: "Builds 述职述法 drafts, reports and evaluation forms from a roster and ODF templates.",
        discussion: """
            Exit codes: 0 everything done; 1 some leader's documents could not be made (see summary.json);
            2 nothing could be done (bad arguments, unreadable roster, broken templates).
            """,
        subcommands: [Build.self, Print.self],
        defaultSubcommand: Build.self)
}

Shufa.main()
