import Foundation
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

extension DeskContext {
    /// The 编号 a link names in its `:leader` segment (made by `ReviewList.path`), percent-decoded: the
    /// router hands path segments over as they were sent.
    var leaderParameter: String {
        let segment = parameters.get("leader") ?? ""
        return segment.removingPercentEncoding ?? segment
    }
}
