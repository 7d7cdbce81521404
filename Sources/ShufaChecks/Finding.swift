/// One thing a check found in a document.
public struct Finding: Sendable, Equatable, Codable {
    /// The rules, as documented in the README.
    public enum Rule: String, Sendable, Codable, CaseIterable {
        case role, form, parts, separateItem = "separate-item", length, coverage, leftovers, minimums, schema
    }

    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning, info

        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    }

    public var rule: Rule
    public var severity: Severity
    /// What is wrong, in words a clerk understands (Chinese).
    public var message: String
    /// Where: section heading and paragraph number, with the line for Flat XML.
    public var location: String

    public init(rule: Rule, severity: Severity, message: String, location: String) {
        (self.rule, self.severity, self.message, self.location) = (rule, severity, message, location)
    }
}
