import Hummingbird
import HummingbirdAuth

/// The request context of the desk: Hummingbird's core and the session.
public struct DeskContext: SessionRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let sessions: SessionContext<DeskSession>

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        sessions = .init()
    }
}
