import Foundation
import ShufaODF
import Yams

/// Reads a roster file (JSON or YAML, in the shape of the roster contract) and checks every record
/// against the catalog. A bad record is reported and left out; the others are kept.
public struct RosterReader {
    public let catalog: Catalog

    /// The longest text accepted in one field, in characters.
    public static let maximumTextLength = 20_000

    public init(catalog: Catalog) { self.catalog = catalog }

    /// Reads the roster at `url`.
    public func read(_ url: URL) throws(RosterError) -> Roster {
        let file = url.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw RosterError(file: file, message: "cannot read the file: \(error.localizedDescription)")
        }
        let top = try parse(data, file: file, ext: url.pathExtension.lowercased())
        return try records(from: top, file: file)
    }

    private func parse(_ data: Data, file: String, ext: String) throws(RosterError) -> [String: Any] {
        guard !data.isEmpty else { throw RosterError(file: file, message: "the file is empty") }
        let object: Any?
        switch ext {
        case "json":
            do { object = try JSONSerialization.jsonObject(with: data) } catch {
                throw RosterError(file: file, message: "not valid JSON: \((error as NSError).userInfo["NSDebugDescription"] ?? error.localizedDescription)")
            }
        case "yaml", "yml":
            guard let text = String(data: data, encoding: .utf8) else { throw RosterError(file: file, message: "not UTF-8 text") }
            do { object = try Yams.load(yaml: text) } catch { throw RosterError(file: file, message: "not valid YAML: \(error)") }
        default:
            throw RosterError(file: file, message: "unknown roster format '.\(ext)': use .json, .yaml or .yml")
        }
        guard let top = object as? [String: Any] else {
            throw RosterError(file: file, message: "expected an object with 'year' and 'leaders' (see the roster contract)")
        }
        return top
    }

    /// Checks the roster-level fields and every leader record.
    func records(from top: [String: Any], file: String) throws(RosterError) -> Roster {
        let fields = FieldNames.normalized(top)
        guard let year = Self.integer(fields["year"]), (1990...2200).contains(year) else {
            throw RosterError(file: file, message: "'year' (年度) is missing or not a year between 1990 and 2200")
        }
        guard let list = fields["leaders"] as? [Any] else {
            throw RosterError(file: file, message: "'leaders' is missing or not a list of leader records")
        }
        var validator = RecordValidator(catalog: catalog)
        for (index, item) in list.enumerated() {
            validator.add(item, at: RecordLocation(file: file, row: index + 1))
        }
        return Roster(organization: Self.text(fields["organization"]) ?? "", year: year,
                      leaders: validator.leaders, problems: validator.problems)
    }

    static func integer(_ value: Any?) -> Int? {
        if let number = numeric(value) { return Int(exactly: number) }
        if let text = value as? String { return Int(text.trimmingSpaces) }
        return nil
    }

    static func text(_ value: Any?) -> String? {
        switch value {
        case let text as String: return text
        default: return numeric(value).map(DocumentData.format)
        }
    }

    /// A number, but not a boolean (JSON's true is no count).
    static func numeric(_ value: Any?) -> Double? {
        guard let value, type(of: value) != Bool.self, let number = value as? NSNumber else { return nil }
        return number.doubleValue
    }
}

/// The roster contract's keys, by English key or Chinese column name.
enum FieldNames {
    static let aliases: [String: String] = [
        "编号": "id", "姓名": "name", "单位": "unit", "职务": "position", "类别": "role", "述法主体类别": "role",
        "述职内容": "duty", "述法内容": "law", "存在问题": "problems", "改进措施": "measures", "指标": "indicators",
        "年度": "year", "组织": "organization", "名单": "leaders",
    ]

    /// The dictionary with Chinese keys replaced by their English key.
    static func normalized(_ fields: [String: Any]) -> [String: Any] {
        var result: [String: Any] = [:]
        for (key, value) in fields { result[aliases[key.trimmingSpaces] ?? key.trimmingSpaces] = value }
        return result
    }

    /// The column header users know a key by: "name (姓名)".
    static func label(_ key: String) -> String {
        aliases.first { $0.value == key }.map { "\(key) (\($0.key))" } ?? key
    }
}

/// Turns raw records into leaders, collecting every problem.
struct RecordValidator {
    let catalog: Catalog
    private(set) var leaders: [Leader] = []
    private(set) var problems: [RosterProblem] = []
    private var seenIDs: [String: RecordLocation] = [:]

    init(catalog: Catalog) { self.catalog = catalog }

    mutating func add(_ item: Any, at location: RecordLocation) {
        guard let raw = item as? [String: Any] else {
            problems.append(RosterProblem(severity: .error, location: location, message: "not a leader record (expected an object with id, name, unit, position, role)"))
            return
        }
        var record = Record(fields: FieldNames.normalized(raw), location: location)
        let leader = record.leader(catalog: catalog, seen: seenIDs)
        problems += record.problems
        if let leader {
            seenIDs[leader.id] = location
            leaders.append(leader)
        }
    }

    /// One record being read.
    private struct Record {
        let fields: [String: Any]
        let location: RecordLocation
        var problems: [RosterProblem] = []
        var id: String?

        init(fields: [String: Any], location: RecordLocation) {
            self.fields = fields
            self.location = location
        }

        mutating func leader(catalog: Catalog, seen: [String: RecordLocation]) -> Leader? {
            id = required("id")
            if let id, let first = seen[id] {
                fail("id", "duplicate id '\(id)': already used by \(first); give every leader its own id")
            }
            let name = required("name"), unit = required("unit"), position = required("position"), roleName = required("role")
            if let roleName, catalog.role(named: roleName) == nil {
                let hint = catalog.closestRole(to: roleName).map { "; did you mean '\($0)'?" } ?? ""
                fail("role", "unknown role '\(roleName)'\(hint) (roles are listed in templates/catalog.yaml)")
            }
            let duty = paragraphs("duty"), problemsText = paragraphs("problems"), measures = paragraphs("measures")
            let law = text("law") ?? ""
            let indicators = self.indicators()
            guard !problems.contains(where: { $0.severity == .error }),
                  let id, let name, let unit, let position, let roleName else { return nil }
            return Leader(id: id, name: name, unit: unit, position: position, role: roleName, duty: duty, law: law,
                          problems: problemsText, measures: measures, indicators: indicators, location: location)
        }

        private mutating func fail(_ field: String, _ message: String, severity: RosterProblem.Severity = .error) {
            problems.append(RosterProblem(severity: severity, location: location, leader: id, field: FieldNames.label(field), message: message))
        }

        private mutating func required(_ key: String) -> String? {
            guard let value = text(key), !value.trimmingSpaces.isEmpty else {
                fail(key, "required field is missing or empty")
                return nil
            }
            return value.trimmingSpaces
        }

        /// A text field, with characters XML forbids removed (and reported) and its length checked.
        private mutating func text(_ key: String) -> String? {
            guard let raw = fields[key], !(raw is NSNull) else { return nil }
            guard let value = (raw as? [Any]).map({ $0.compactMap(RosterReader.text).joined(separator: "\n") }) ?? RosterReader.text(raw) else {
                fail(key, "expected text")
                return nil
            }
            let (clean, removed) = XMLEscaping.removingForbidden(value)
            if removed > 0 { fail(key, "removed \(removed) control character(s) that XML does not allow", severity: .warning) }
            if clean.count > RosterReader.maximumTextLength {
                fail(key, "text of \(clean.count) characters is far over any sane length (at most \(RosterReader.maximumTextLength))")
                return nil
            }
            return clean
        }

        /// A list of paragraphs: a list of texts, or one text whose lines are the paragraphs.
        private mutating func paragraphs(_ key: String) -> [String] {
            guard let value = text(key) else { return [] }
            return value.split(whereSeparator: \.isNewline).map(\.trimmingSpaces).filter { !$0.isEmpty }
        }

        private mutating func indicators() -> [String: Double] {
            guard let raw = fields["indicators"], !(raw is NSNull) else { return [:] }
            guard let map = raw as? [String: Any] else {
                fail("indicators", "expected a map of indicator names to numbers")
                return [:]
            }
            var result: [String: Double] = [:]
            for (name, value) in map.sorted(by: { $0.key < $1.key }) {
                let number = RosterReader.numeric(value) ?? (value as? String).flatMap { Double($0.trimmingSpaces) }
                guard let number, number >= 0, number.isFinite else {
                    fail(name, "indicator value '\(value)' is not a number of zero or more")
                    continue
                }
                result[name] = number
            }
            return result
        }
    }
}
