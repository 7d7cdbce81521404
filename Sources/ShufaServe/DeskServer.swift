import Foundation
import Hummingbird
import HummingbirdAuth
import Logging

/// `shufa serve`: the desk's HTTP server over the library.
public struct DeskServer: Sendable {
    public let desk: Desk

    public init(desk: Desk) { self.desk = desk }

    /// Sessions last a working day.
    static let sessionLifetime = Duration.seconds(10 * 3600)

    /// The router with every page; `sessions` keeps the sessions (in memory: a restart signs everyone out).
    public func router(sessions: MemoryPersistDriver<ContinuousClock>) -> Router<DeskContext> {
        let router = Router(context: DeskContext.self)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: ErrorPages(desk: desk))
        let cookie = SessionCookieParameters(name: "shufa_session", path: "/", secure: false, sameSite: .lax)
        let storage = SessionStorage<DeskSession>(sessions, configuration: .init(sessionCookieParameters: cookie))
        router.add(
            middleware: SessionMiddleware<DeskContext>(
                sessionStorage: storage, defaultSessionExpiration: Self.sessionLifetime))
        LoginRoutes(desk: desk, sessions: storage).register(on: router)
        ClerkRoutes(desk: desk).register(on: router)
        LeaderRoutes(desk: desk).register(on: router)
        ReviewRoutes(desk: desk).register(on: router)
        ArchiveRoutes(desk: desk).register(on: router)
        FileRoutes(desk: desk).register(on: router)
        return router
    }

    /// The application listening where the configuration says.
    public func application() -> some ApplicationProtocol {
        let sessions = MemoryPersistDriver()
        let configuration = desk.configuration
        var logger = Logger(label: "shufa-serve")
        logger.logLevel = .warning
        var application = Application(
            router: router(sessions: sessions),
            configuration: .init(address: .hostname(configuration.bind, port: configuration.port), serverName: "shufa"),
            onServerRunning: { _ in
                FileHandle.standardError.write(
                    Data(
                        (DeskMessages.listening(
                            bind: configuration.bind, port: configuration.port, data: configuration.data.path) + "\n")
                            .utf8))
            },
            logger: logger)
        application.addServices(sessions)
        return application
    }

    /// Runs until stopped (SIGINT, SIGTERM), after saying what the operator should know.
    public func run() async throws {
        let configuration = desk.configuration
        if !configuration.isLoopback {
            FileHandle.standardError.write(
                Data((DeskMessages.exposed(bind: configuration.bind, port: configuration.port) + "\n").utf8))
        }
        if (try? desk.accounts.all().isEmpty) ?? true {
            FileHandle.standardError.write(Data((DeskMessages.noAccounts(data: configuration.data.path) + "\n").utf8))
        }
        try await application().runService()
    }
}
