/// Template file names in the catalog: relative paths inside the templates folder.
package enum TemplatePath {
    /// True when `path` is relative and never climbs out (`..`), so it names a file inside the templates folder.
    package static func isConfined(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~"), !path.contains("\\"), !path.contains("\0")
        else { return false }
        return !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0.isEmpty }
    }
}
