import Hummingbird

/// The clerk's account page: every account, and a form to make one (as `shufa user add`).
struct AccountRoutes {
    let desk: Desk

    func register(on router: Router<DeskContext>) {
        router.get("/clerk/accounts") { _, context in
            let signed = try Signed.require(context, desk: desk, roles: [.clerk])
            return Reply.page(desk.pages.render(try page(signed, notice: nil), "accounts"))
        }
        router.post("/clerk/accounts") { request, context in
            let signed = try Signed.require(context, desk: desk, roles: [.clerk])
            let fields = try await FormFields.read(request, desk: desk)
            try signed.checkToken(fields)
            let roleName = fields["role"] ?? ""
            guard let role = AccountRole(named: roleName) else { throw DeskError.unknownRole(roleName) }
            let name = fields["name"] ?? ""
            let password = fields["password"] ?? ""
            let leader = fields["leader"]
            let accounts = desk.accounts
            let by = signed.account.name
            let account = try await Blocking.run {
                try accounts.add(name: name, role: role, leader: leader, password: password, by: by)
            }
            desk.journal.record(account: by, action: "account", detail: "建立账号 \(account.label)")
            return Reply.page(desk.pages.render(try page(signed, notice: "已建立账号 \(account.label)"), "accounts"))
        }
    }

    private func page(_ signed: Signed, notice: String?) throws -> AccountsPage {
        AccountsPage(
            frame: PageFrame(title: "账号", signed: signed, current: "/clerk/accounts"),
            accounts: try desk.accounts.all().map(AccountsPage.Row.init),
            roles: AccountRole.allCases.map { AccountsPage.Choice(value: $0.rawValue, label: $0.chineseName) },
            leaders: (desk.state.roster?.leaders ?? []).map {
                AccountsPage.Choice(value: $0.id, label: "\($0.id) \($0.name)（\($0.unit)）")
            },
            notice: notice ?? "", hasNotice: notice != nil, minimum: AccountStore.minimumPassword)
    }
}
