/// An account of the desk: a name, a role, for a leader the 编号 it is bound to, and the bcrypt hash of its
/// password (never the password).
public struct Account: Codable, Sendable, Equatable {
    public var name: String
    public var role: AccountRole
    /// The 编号 of the leader whose documents a leader account sees (only those).
    public var leader: String?
    var hash: String
    /// When it was made (local time), and by whom (an account, or `shufa user add`).
    public var created: String
    public var createdBy: String

    /// 「wang（领导干部 QC006）」.
    var label: String {
        "\(name)（\(role.chineseName)\(leader.map { " \($0)" } ?? "")）"
    }
}
