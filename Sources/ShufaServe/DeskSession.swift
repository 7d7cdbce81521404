import Hummingbird
import HummingbirdAuth

/// What a session holds: the account signed in and the token every form of the session carries (CSRF).
public struct DeskSession: Codable, Sendable, Equatable {
    var account: String
    var csrf: String

    init(account: String) {
        self.account = account
        csrf = DeskSession.token()
    }

    /// 32 random bytes in hex.
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        return ContentDigest.text((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// Compares two tokens in time independent of where they differ.
    static func matches(_ given: String?, _ expected: String) -> Bool {
        guard let given, given.utf8.count == expected.utf8.count, !expected.isEmpty else { return false }
        return zip(given.utf8, expected.utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
