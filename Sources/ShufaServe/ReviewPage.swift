import Foundation
import Hummingbird
import ShufaArchive

/// One leader's report for review.
struct ReviewPage {
    var frame: PageFrame
    var leader: LeaderEntry
    var path: String
    var hasReturn: Bool
    var latest: [ReturnView]
    var trail: [TrailView]
    var steps: [Step]
    var notice: String
    var hasNotice: Bool
    var refusal: String
    var hasRefusal: Bool

    struct Step {
        var value: String
        var label: String
        var selected: Bool
    }

    init(
        frame: PageFrame, leader: LeaderEntry, latest: ReturnedReport?, trail: LeaderTrail?, notice: String?,
        refusal: String?
    ) {
        self.frame = frame
        self.leader = leader
        path = ReviewList.path(leader.id)
        hasReturn = latest != nil
        self.latest = latest.map { [ReturnView($0)] } ?? []
        self.trail = trail.map { [TrailView($0)] } ?? []
        let member = trail?.leader.isTeamMember ?? leader.role.contains("班子")
        steps = [ReviewState.reviewed, .approved].map {
            Step(value: $0.rawValue, label: $0.chineseName, selected: ($0 == .reviewed) == member)
        }
        self.notice = notice ?? ""
        hasNotice = notice != nil
        self.refusal = refusal ?? ""
        hasRefusal = refusal != nil
    }
}
