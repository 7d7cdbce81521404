import Foundation
import HummingbirdBcrypt
import ShufaKit

/// The accounts of a data folder (`accounts.json`, mode 0600), shared by `shufa user add` and the running
/// server: every change takes a lock (`flock` on `accounts.lock`), reads the file, changes it and writes it
/// atomically, so an account added from the command line is seen by the server at the next sign-in.
public struct AccountStore: Sendable {
    let folder: DataFolder
    let cost: UInt8

    /// The shortest password accepted.
    public static let minimumPassword = 8

    public init(folder: DataFolder, cost: UInt8 = 11) {
        self.folder = folder
        self.cost = cost
    }

    /// Adds an account; `by` says who made it (an account's name, or the command line).
    @discardableResult
    public func add(
        name: String, role: AccountRole, leader: String?, password: String, by: String
    ) throws(DeskError) -> Account {
        let name = name.trimmingCharacters(in: .whitespaces)
        let leader = leader?.trimmingCharacters(in: .whitespaces)
        try Self.validate(name: name, role: role, leader: leader, password: password)
        let hash = Bcrypt.hash(password, cost: cost)
        return try locked { () throws(DeskError) -> Account in
            var accounts = try read()
            guard !accounts.contains(where: { $0.name == name }) else { throw .accountExists(name) }
            let account = Account(
                name: name, role: role, leader: role == .leader ? leader : nil, hash: hash,
                created: DeskClock.now(), createdBy: by)
            accounts.append(account)
            try write(accounts)
            return account
        }
    }

    /// Every account, in the order made.
    public func all() throws(DeskError) -> [Account] { try read() }

    /// The account called `name`.
    func account(named name: String) throws(DeskError) -> Account? { try read().first { $0.name == name } }

    /// The account whose password this is; nil otherwise. An unknown name costs as much as a wrong password.
    func authenticate(name: String, password: String) throws(DeskError) -> Account? {
        let account = try account(named: name)
        let verified = Bcrypt.verify(password, hash: account?.hash ?? Self.decoy)
        return verified ? account : nil
    }

    /// A hash no password matches, checked when the name is unknown.
    private static let decoy = Bcrypt.hash(UUID().uuidString, cost: 11)

    static func validate(name: String, role: AccountRole, leader: String?, password: String) throws(DeskError) {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_-."))
        guard (1...32).contains(name.count), name.unicodeScalars.allSatisfy(allowed.contains) else {
            throw .badAccountName(name)
        }
        guard password.count >= minimumPassword else { throw .passwordTooShort(minimumPassword) }
        guard password.utf8.count <= 72 else { throw .passwordTooLong }
        switch role {
        case .leader:
            guard let leader, !leader.isEmpty, leader.count <= 64 else { throw .leaderMissing }
        default:
            guard leader == nil || leader == "" else { throw .leaderForOtherRole(role) }
        }
    }

    private func read() throws(DeskError) -> [Account] {
        let data: Data
        do { data = try RegularFile.read(folder.accounts, limit: 16 << 20) } catch {
            if error == .missing { return [] }
            throw .accountsUnreadable(path: folder.accounts.path, reason: error.description)
        }
        do { return try JSONDecoder().decode(AccountFile.self, from: data).accounts } catch {
            throw .accountsUnreadable(path: folder.accounts.path, reason: "\(error)")
        }
    }

    private func write(_ accounts: [Account]) throws(DeskError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let bytes = try encoder.encode(AccountFile(accounts: accounts))
            try OutputFiles.writeAtomically(Array(bytes) + [0x0A], to: folder.accounts)
            chmod(folder.accounts.path, 0o600)
        } catch {
            throw .accountsUnreadable(path: folder.accounts.path, reason: "\(error)")
        }
    }

    private func locked<T>(_ body: () throws(DeskError) -> T) throws(DeskError) -> T {
        do { try FileManager.default.createDirectory(at: folder.root, withIntermediateDirectories: true) } catch {
            throw .dataFolder(path: folder.root.path, reason: error.localizedDescription)
        }
        let descriptor = open(folder.accountsLock.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw .dataFolder(path: folder.accountsLock.path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        flock(descriptor, LOCK_EX)
        return try body()
    }

    private struct AccountFile: Codable {
        var accounts: [Account]
    }
}
