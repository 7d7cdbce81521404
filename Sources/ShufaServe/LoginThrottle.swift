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
        let recent = (failures[name] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[name] = recent
        guard recent.count >= limit, let oldest = recent.first else { return nil }
        return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
    }

    func failed(_ name: String, now: Date = Date()) { failures[name, default: []].append(now) }

    func succeeded(_ name: String) { failures[name] = nil }
}
