import Foundation

/// Slows guessing: after `limit` wrong passwords for one account name within `window` seconds, that name is
/// refused until the window has passed (whatever the password).
actor LoginThrottle {
    private var failures: [String: [Date]] = [:]
    let limit: Int
    let window: TimeInterval

    init(limit: Int = 5, window: TimeInterval = 300) {
        self.limit = limit
        self.window = window
    }

    /// Seconds to wait before `name` may try again; nil when it may now.
    func wait(_ name: String, now: Date = Date()) -> Int? {
        let key = Self.key(name)
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[key] = recent.isEmpty ? nil : recent
        guard recent.count >= limit, let oldest = recent.first else { return nil }
        return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
    }

    /// Records a wrong password for `name`, and forgets the names whose last failure no longer counts.
    func failed(_ name: String, now: Date = Date()) {
        failures = failures.filter { now.timeIntervalSince($0.value.last ?? now) < window }
        failures[Self.key(name), default: []].append(now)
    }

    func succeeded(_ name: String) { failures[Self.key(name)] = nil }

    /// A name as the throttle holds it: an account name has at most 32 characters, so a longer one (never an
    /// account) is held by its first 33.
    private static func key(_ name: String) -> String { String(name.prefix(33)) }

    /// How many names the throttle holds failures for.
    var trackedNames: Int { failures.count }

    /// The longest name held, in characters.
    var longestName: Int { failures.keys.map(\.count).max() ?? 0 }
}
