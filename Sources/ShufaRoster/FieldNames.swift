import ShufaText

/// The roster contract's keys, by English key or Chinese column name.
enum FieldNames {
    static let aliases: [String: String] = [
        "编号": "id", "姓名": "name", "单位": "unit", "职务": "position", "类别": "role", "述法主体类别": "role",
        "述职内容": "duty", "述法内容": "law", "存在问题": "problems", "改进措施": "measures", "指标": "indicators",
        "年度": "year", "组织": "organization", "名单": "leaders",
    ]

    /// Every English key of the contract.
    static let keys: Set<String> = Set(aliases.values)

    /// The fields every leader needs, in the order a header row usually has them.
    static let required = ["id", "name", "unit", "position", "role"]

    /// Fields holding one short line (names, ids), as opposed to paragraphs.
    static let short: Set<String> = ["id", "name", "unit", "position", "role", "organization", "year"]

    /// The dictionary with Chinese keys replaced by their English key.
    /// Two keys mean the same field exactly when the result has fewer keys than `fields` (see `sameField`).
    static func normalized(_ fields: [String: Any]) -> [String: Any] {
        if fields.keys.allSatisfy(keys.contains) { return fields }
        var result: [String: Any] = [:]
        result.reserveCapacity(fields.count)
        for (key, value) in fields { result[field(key)] = value }
        return result
    }

    /// The English key a record's key names: a Chinese column name's, or the key itself, spaces trimmed.
    private static func field(_ key: String) -> String {
        let trimmed = key.trimmingSpaces
        return aliases[trimmed] ?? trimmed
    }

    /// The groups of keys of `fields` that mean the same field (e.g. `姓名` and `name`), each sorted, in key order.
    static func sameField(_ fields: [String: Any]) -> [[String]] {
        let groups = Dictionary(grouping: fields.keys, by: field)
        return groups.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// The key a column header names: a Chinese column name or an English key (any case); nil for others.
    static func key(forHeader header: String) -> String? {
        if let key = aliases[header] { return key }
        let lower = header.lowercased()
        return keys.contains(lower) ? lower : nil
    }

    /// The column header users know a key by: "name (姓名)".
    static func label(_ key: String) -> String {
        guard let chinese = aliases.filter({ $0.value == key }).keys.min(by: { $0.count < $1.count }) else {
            return key
        }
        return "\(key) (\(chinese))"
    }
}
