import Foundation

/// The desk's journal (`journal.jsonl`): one JSON line per write made through the desk — a roster uploaded,
/// a batch built, a report returned, a review step, a tally, an export, an account made — with the time and
/// the account. Appended (O_APPEND) and flushed to disk line by line; never rewritten. The review trail in
/// the archive names the account too, for the steps it records.
struct DeskJournal: Sendable {
    let file: URL

    /// One write: who did what, to what.
    struct Entry: Codable, Sendable, Equatable {
        var at: String
        var account: String
        /// `roster`, `build`, `return`, `review`, `tally`, `export`, `account`.
        var action: String
        /// What it concerned, in Chinese (a file, a leader, a year).
        var detail: String
        var sha256: String?
    }

    func record(account: String, action: String, detail: String, sha256: String? = nil) {
        let entry = Entry(at: DeskClock.now(), account: account, action: action, detail: detail, sha256: sha256)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let line = try? encoder.encode(entry) else { return }
        let descriptor = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        let bytes = Array(line) + [0x0A]
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        fsync(descriptor)
    }

    /// Every entry, oldest first.
    func entries() -> [Entry] {
        guard let data = try? Data(contentsOf: file) else { return [] }
        return data.split(separator: 0x0A).compactMap { try? JSONDecoder().decode(Entry.self, from: Data($0)) }
    }
}
