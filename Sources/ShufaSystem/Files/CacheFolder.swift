import Foundation

/// The folder where shufa keeps, from one command to the next, what it worked out and can work out again (the
/// schema proofs, the decoded catalog): nothing in it is needed, and an entry can only say what working it out
/// again would say.
package enum CacheFolder {
    /// The folder a command uses: `$SHUFA_CACHE_DIR` (empty: no cache), else `$XDG_CACHE_HOME/shufa`, else
    /// `~/.cache/shufa`.
    package static func standard(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let folder = environment["SHUFA_CACHE_DIR"] { return folder.isEmpty ? nil : URL(fileURLWithPath: folder) }
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") {
            return URL(fileURLWithPath: base).appendingPathComponent("shufa")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/shufa")
    }

    /// This program's executable file, as `FileIdentity` gives it: a rebuilt or replaced shufa is another file,
    /// so nothing one build kept is read by another. "unknown" when it cannot be found (keep nothing then).
    package static var program: String { FileIdentity.of("/proc/self/exe") }
}
