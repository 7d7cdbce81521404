import Foundation

/// Times the desk records: local time with its offset, to the second.
enum DeskClock {
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone.current
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    /// 「2025-12-20 09:31」 for pages.
    static func shown(_ stamp: String) -> String {
        String(stamp.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }
}
