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

        var message: String {
            switch self {
            case .draftStage:
                return "尚未填写述职和述法内容：已生成草稿，未生成述职述法报告（交回后用 shufa extract 提取，再生成报告）"
            case .noText:
                return "述职和述法内容都为空，未生成述职述法报告：请在名册中填写，或用 shufa extract 从交回的草稿中提取"
            case .noLaw:
                return "述法内容为空，未生成述职述法报告：请填写述法内容；交回的草稿若删除或改动了述法标题，请恢复后重新提取"
            case .noDuty:
                return "述职内容为空，未生成述职述法报告：请填写述职内容"
            }
        }
    }
}
