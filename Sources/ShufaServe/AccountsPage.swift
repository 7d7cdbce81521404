import Hummingbird

/// The account page.
struct AccountsPage {
    var frame: PageFrame
    var accounts: [Row]
    var roles: [Choice]
    var leaders: [Choice]
    var notice: String
    var hasNotice: Bool
    var minimum: Int

    struct Row {
        var name: String
        var role: String
        var leader: String
        var created: String
        var createdBy: String

        init(_ account: Account) {
            name = account.name
            role = account.role.chineseName
            leader = account.leader ?? ""
            created = DeskClock.shown(account.created)
            createdBy = account.createdBy
        }
    }

    struct Choice {
        var value: String
        var label: String
    }
}
