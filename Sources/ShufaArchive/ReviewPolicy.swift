/// Who may move a leader's report where (seed 004 四（一）): a 主要负责人's report is 研究审定 by the
/// 党委（党组）, a 班子成员's 审核 by the 主要负责人; only then is it 报送 to the 考核主管部门, and after
/// that 归档. A report with check errors is not 审核 or 审定 unless overridden.
struct ReviewPolicy {
    /// The leader whose report it is, and the state it is in.
    let leader: LeaderInfo
    let current: ReviewState?
    /// The report the step concerns (the last returned, else the generated one), if the archive has one.
    let report: ReportSummary?
    /// Who `--by` names, as far as the archive can tell.
    let reviewer: ReviewerIdentity

    /// Everything that stands against moving to `target`, hard refusals first.
    func refusals(to target: ReviewState) -> [ReviewRefusal] {
        var found = order(to: target)
        if target == .reviewed || target == .approved { found += review(target) }
        return found.sorted { !$0.overridable && $1.overridable }
    }

    private func order(to target: ReviewState) -> [ReviewRefusal] {
        let allowed: Bool
        switch target {
        case .draft: allowed = current == nil
        case .returned: allowed = (current?.rank ?? 0) < ReviewState.submitted.rank
        case .reviewed, .approved: allowed = current == .returned
        case .submitted: allowed = current == (leader.isTeamMember ? .reviewed : .approved)
        case .archived: allowed = current == .submitted
        }
        return allowed ? [] : [.order(from: current, to: target)]
    }

    private func review(_ target: ReviewState) -> [ReviewRefusal] {
        let name = leader.label
        guard !leader.role.isEmpty else { return [.unknownRole(leader: name)] }
        if target == .approved && leader.isTeamMember { return [.approvalOfMember(leader: name)] }
        if target == .reviewed && !leader.isTeamMember { return [.reviewOfPrincipal(leader: name)] }
        var found: [ReviewRefusal] = []
        switch reviewer {
        case .party, .principal: break
        case .notParty(let by): found.append(.approverNotParty(by: by))
        case .member(let by, let role, let unit):
            found.append(.reviewerNotPrincipal(by: by, role: role, theirUnit: unit, unit: leader.unit))
        case .same(let by): found.append(.ownReport(by: by))
        case .unknown(let by, let principals):
            found.append(.reviewerUnknown(by: by, unit: leader.unit, principals: principals))
        }
        if let report, report.errors > 0 { found.append(.checkErrors(count: report.errors, file: report.original)) }
        if report == nil { found.append(.noReport(leader: name)) }
        return found
    }
}

/// The report a review step concerns: its file and how many check errors it has.
struct ReportSummary {
    var sha256: String
    var original: String
    var errors: Int
}

/// Who `review --by` names.
enum ReviewerIdentity {
    /// A 党委（党组） (for 审定).
    case party
    /// Not a 党委（党组） (for 审定).
    case notParty(String)
    /// A 主要负责人 of the leader's unit (for 审核).
    case principal
    /// A known leader who is not a 主要负责人 of the unit (their role and unit).
    case member(String, role: String, unit: String)
    /// The leader whose report it is.
    case same(String)
    /// Nobody the archive knows; the 主要负责人 of the unit it does know.
    case unknown(String, principals: [String])
}
