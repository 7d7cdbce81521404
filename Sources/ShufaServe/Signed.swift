import Hummingbird

/// The account of a request and its session, once checked: signed in, with a role allowed here, and for
/// a form, the session's CSRF token.
struct Signed: Sendable {
    var account: Account
    var session: DeskSession

    /// The signed-in account of `context`, refused unless its role is one of `roles`.
    static func require(_ context: DeskContext, desk: Desk, roles: Set<AccountRole>) throws -> Signed {
        guard let session = context.sessions.session,
            let account = try desk.accounts.account(named: session.account)
        else { throw DeskError.notSignedIn }
        guard roles.contains(account.role) else { throw DeskError.forbidden(account.role) }
        return Signed(account: account, session: session)
    }

    /// Refuses a form whose token is not the session's.
    func checkToken(_ fields: [String: String]) throws {
        guard DeskSession.matches(fields["csrf"], session.csrf) else { throw DeskError.csrf }
    }
}
