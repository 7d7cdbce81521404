import ShufaText

/// The place names and levels (本地称谓) the catalog's texts speak of. A text in `catalog.yaml` writes
/// them as markers — `{省委}关于全面依法治{省}`, `法治{本地}建设` — and each document gets the words of
/// its own county: from the catalog's `locality` setting, else from the roster's organization.
public struct Locality: Sendable, Equatable {
    /// The markers a catalog text may hold.
    public static let markers = ["省委", "省", "市委", "市", "县委", "县", "本地"]

    /// County-level place kinds told by the last character of a place name (青川县, 沙坡头区, 某某旗).
    static let countyKinds: Set<Character> = ["县", "区", "市", "旗"]

    /// The values set in `catalog.yaml`, by marker; a marker left out or empty is derived.
    public var settings: [String: String]

    public init(settings: [String: String] = [:]) { self.settings = settings }

    /// The value of every marker for a roster whose organization (组织) is `organization`: the setting
    /// when there is one; else 省委/省/市委/市 as written, the county level (县, 区, 市 or 旗) from the
    /// organization's last character (县 when it tells none), 县委 from it, and 本地 the organization
    /// itself (本县 when the roster names none).
    public func terms(for organization: String) -> [String: String] {
        let place = organization.trimmingSpaces
        var terms: [String: String] = ["省委": "省委", "省": "省", "市委": "市委", "市": "市"]
        for (marker, value) in settings where !value.trimmingSpaces.isEmpty { terms[marker] = value.trimmingSpaces }
        if terms["县"] == nil {
            terms["县"] = place.last.flatMap { Self.countyKinds.contains($0) ? String($0) : nil } ?? "县"
        }
        if terms["县委"] == nil { terms["县委"] = terms["县"]! + "委" }
        if terms["本地"] == nil { terms["本地"] = place.isEmpty ? "本" + terms["县"]! : place }
        return terms
    }

    /// `text` with every marker replaced by its term.
    public static func apply(_ terms: [String: String], to text: String) -> String {
        guard text.contains("{") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            result += terms[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The markers of `text` that are not place markers (`{…}` with another name).
    static func unknownMarkers(in text: String) -> [String] {
        var unknown: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            if !markers.contains(name) { unknown.append("{\(name)}") }
            rest = rest[rest.index(after: close)...]
        }
        return unknown
    }
}
