import Crypto
import Foundation

/// The desk's data folder (`--data DIR`), private to the account that runs the server (mode 0700):
///
/// ```
/// accounts.json        accounts: name, role, leader, bcrypt hash
/// journal.jsonl        every write made through the desk: when, which account, what
/// uploads/<sha256>.ext every uploaded file, named by its content
/// roster.json          the roster in use (which upload, its year and organization)
/// batch.json           the files of the batch, by SHA-256; tally.json the same for the tally
/// batch/               the batch `shufa build` would write (summary.json, <kind>/, pdf/, zip/); batch.next/
///                      while a new one is made
/// leaders/<hash>.json  each leader's last returned report: its checks, outline and final report
/// final/<hash>/        the final report built from a leader's returned draft
/// tally/               the tally of the filled 测评录入表 (as `shufa tally`)
/// archive/             the archive (as `shufa archive`)
/// work/                scratch space, emptied at start
/// ```
public struct DataFolder: Sendable {
    public let root: URL

    public init(_ root: URL) { self.root = root.standardizedFileURL }

    var accounts: URL { root.appendingPathComponent("accounts.json") }
    var accountsLock: URL { root.appendingPathComponent("accounts.lock") }
    var journal: URL { root.appendingPathComponent("journal.jsonl") }
    var uploads: URL { root.appendingPathComponent("uploads") }
    var roster: URL { root.appendingPathComponent("roster.json") }
    var batch: URL { root.appendingPathComponent("batch") }
    /// Where a new batch is made before it takes the place of the previous one.
    var stagedBatch: URL { root.appendingPathComponent("batch.next") }
    var leaders: URL { root.appendingPathComponent("leaders") }
    var finals: URL { root.appendingPathComponent("final") }
    var tally: URL { root.appendingPathComponent("tally") }
    var tallyRecord: URL { root.appendingPathComponent("tally.json") }
    var batchRecord: URL { root.appendingPathComponent("batch.json") }
    var archive: URL { root.appendingPathComponent("archive") }
    var work: URL { root.appendingPathComponent("work") }

    /// Where a leader's state is kept: named by a hash of the 编号, so no 编号 can form a path.
    func leader(_ id: String) -> URL { leaders.appendingPathComponent(Self.key(id) + ".json") }
    /// Where the final report made from a leader's returned draft is built.
    func final(_ id: String) -> URL { finals.appendingPathComponent(Self.key(id)) }

    static func key(_ id: String) -> String {
        ContentDigest.text(SHA256.hash(data: Data(id.utf8)).prefix(12))
    }

    /// Makes the folders (the root private to this account) and empties the scratch space.
    func prepare() throws(DeskError) {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: root, withIntermediateDirectories: true)
            chmod(root.path, 0o700)
            for folder in [uploads, leaders, finals, work] {
                try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            for item in try manager.contentsOfDirectory(atPath: work.path) {
                try manager.removeItem(at: work.appendingPathComponent(item))
            }
        } catch {
            throw .dataFolder(path: root.path, reason: "\(error.localizedDescription)")
        }
    }

    /// A new private scratch folder under `work/`.
    func scratch() throws(DeskError) -> URL {
        let url = work.appendingPathComponent(UUID().uuidString)
        guard mkdir(url.path, 0o700) == 0 else {
            throw .dataFolder(path: url.path, reason: String(cString: strerror(errno)))
        }
        return url
    }
}
