import ShufaCatalog
import ShufaRoster

/// The yearly minimums rule (最低要求), shared by `check` and `build`.
public enum MinimumCheck {
    /// Findings for a leader's indicator values below their role's minimums.
    public static func findings(_ leader: Leader, role: Role) -> [Finding] {
        findings(leader.indicators, role: role) { "\(leader.location)，\($0.indicator)" }
    }

    /// Findings for indicator values below the role's minimums; `location` names where each value stands.
    static func findings(_ values: [String: Double], role: Role, location: (Minimum) -> String) -> [Finding] {
        role.minimums.compactMap { minimum in
            guard let value = values[minimum.indicator], value < minimum.minimum else { return nil }
            return Finding(.minimums, .warning, .belowMinimum(minimum, value: value), at: location(minimum))
        }
    }
}
