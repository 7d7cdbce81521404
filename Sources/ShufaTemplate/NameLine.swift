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
        guard SimpleText.isSimple(unit), SimpleText.isSimple(position) else {
            return titleByCharacters(unit: unit, position: position, level: level)
        }
        if position.isEmpty { return unit }
        if unit.isEmpty || (!level.isEmpty && position.hasPrefix(level)) || includes(position, unit) { return position }
        let (unitScalars, postScalars) = (Array(unit.unicodeScalars), Array(position.unicodeScalars))
        let longest = min(unitScalars.count, postScalars.count)
        let overlap = longest < 2 ? nil : (2...longest).reversed().first { length in
            unitScalars.suffix(length).elementsEqual(postScalars.prefix(length))
        }
        guard let overlap else { return unit + position }
        return unit + String(String.UnicodeScalarView(postScalars.dropFirst(overlap)))
    }

    /// True when the UTF-8 of `text` holds that of `part` (for simple text: its characters hold `part`'s).
    private static func includes(_ text: String, _ part: String) -> Bool {
        var (text, part) = (text, part)
        return text.withUTF8 { haystack in
            part.withUTF8 { needle in
                needle.isEmpty
                    || findBytes(haystack.baseAddress, haystack.count, needle.baseAddress, needle.count) != nil
            }
        }
    }

    /// `title` reading characters (any text).
    static func titleByCharacters(unit: String, position: String, level: String) -> String {
        if position.isEmpty { return unit }
        if unit.isEmpty || (!level.isEmpty && position.hasPrefix(level)) || position.contains(unit) { return position }
        let overlap = (2...max(2, min(unit.count, position.count))).reversed().first { length in
            length <= min(unit.count, position.count) && unit.hasSuffix(position.prefix(length))
        }
        return unit + (overlap.map { String(position.dropFirst($0)) } ?? position)
    }
}
