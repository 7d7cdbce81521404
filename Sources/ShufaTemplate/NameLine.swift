import ShufaText

/// The line under a document's title that names the leader (署名行), as a person writes it:
/// 「县委书记　周明远」, 「县司法局党组书记、局长　黄志刚」, 「城关镇党委书记　罗志明」.
package enum NameLine {
    /// One rule for every role: the post alone when it already says where it belongs (it starts with
    /// the county's own level — 县委书记, 县委常委、组织部部长 — or names the unit); otherwise the unit and
    /// then the post, a stretch of two or more characters that ends the unit and starts the post written
    /// once (县委组织部 + 组织部部长 → 县委组织部部长). Then a full-width space and the name.
    /// - Parameter level: the county level word of the roster's place (县, 区, 市, 旗).
    static func text(name: String, unit: String, position: String, level: String) -> String {
        title(unit: unit.trimmingSpaces, position: position.trimmingSpaces, level: level) + "\u{3000}"
            + name.trimmingSpaces
    }

    static func title(unit: String, position: String, level: String) -> String {
        if position.isEmpty { return unit }
        // In simple text (`SimpleText`) scalars are characters: compared and counted without reading characters.
        let simple = SimpleText.isSimple(unit) && SimpleText.isSimple(position)
        let named = simple ? position.includes(unit) : position.contains(unit)
        if unit.isEmpty || (!level.isEmpty && position.hasPrefix(level)) || named { return position }
        guard simple else { return unit + String(position.dropFirst(overlap(Array(unit), Array(position)))) }
        let scalars = position.unicodeScalars
        return unit + String(scalars.dropFirst(overlap(Array(unit.unicodeScalars), Array(scalars))))
    }

    /// How many elements (two or more, as many as can be) both end `unit` and start `position`; 0 when none.
    private static func overlap<Element: Equatable>(_ unit: [Element], _ position: [Element]) -> Int {
        let longest = min(unit.count, position.count)
        guard longest >= 2 else { return 0 }
        return (2...longest).reversed().first { unit.suffix($0).elementsEqual(position.prefix($0)) } ?? 0
    }
}
