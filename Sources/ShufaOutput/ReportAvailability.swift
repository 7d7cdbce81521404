import ShufaCatalog
import ShufaRoster
import ShufaText

/// Whether a leader's final report (述职述法报告) can be made, and, for every leader whose report was
/// asked for but cannot be, the problem that names them and says why: no leader is left out silently.
package enum ReportAvailability {
    /// A report needs both 述职 and 述法 text.
    static func canMake(_ leader: Leader) -> Bool {
        !leader.duty.allSatisfy { $0.trimmingSpaces.isEmpty } && !leader.law.trimmingSpaces.isEmpty
    }

    /// A problem for each leader (of a known role) whose report was asked for and cannot be made. A leader
    /// with no text at all, when drafts are made in the same run, is a warning (the draft is for them to
    /// fill); anything else is an error.
    static func problems(_ leaders: [Leader], catalog: Catalog, kinds: Set<DocumentKind>) -> [RosterProblem] {
        guard kinds.contains(.report) else { return [] }
        return leaders.compactMap { leader in
            guard catalog.role(named: leader.role) != nil, !canMake(leader) else { return nil }
            let noDuty = leader.duty.allSatisfy { $0.trimmingSpaces.isEmpty }
            let noLaw = leader.law.trimmingSpaces.isEmpty
            let reason: Reason = noDuty && noLaw ? (kinds.contains(.draft) ? .draftStage : .noText)
                : noLaw ? .noLaw : .noDuty
            return RosterProblem(severity: reason == .draftStage ? .warning : .error, location: leader.location,
                                 leader: leader.id, field: reason.field, message: reason.message)
        }
    }

    /// Why a report was not made.
    enum Reason {
        case draftStage, noText, noLaw, noDuty

        var field: String? {
            switch self {
            case .noLaw: return "law (述法内容)"
            case .noDuty: return "duty (述职内容)"
            case .draftStage, .noText: return nil
            }
        }

        var message: String { OutputMessages.text(self) }
    }
}
