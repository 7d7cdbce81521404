import Foundation
import ShufaODF
import ShufaSystem
import ShufaText

/// Turns raw records (from JSON, YAML or a table row) into leaders, collecting every problem with the
/// record's location and the field's name as the file writes it.
struct RecordValidator {
    /// What every record is checked against.
    struct Context {
        let vocabulary: RosterVocabulary
        /// The roster's year: a record that gives another one is refused.
        let year: Int
        /// The roster's organisation: a record that gives another one is used with a warning.
        let organization: String
        /// The header each key is written as in a table (e.g. "name" → "姓名"); keys not here use `FieldNames.label`.
        let labels: [String: String]

        /// A problem of a record's `field`, named as the file writes it.
        func problem(
            _ field: String, _ fault: RosterFault, severity: RosterProblem.Severity = .error,
            at location: RecordLocation, leader: String?
        ) -> RosterProblem {
            let label = labels[field] ?? FieldNames.label(field)
            return RosterProblem(severity, fault, at: location, leader: leader, field: label)
        }
    }

    let context: Context
    private(set) var leaders: [Leader] = []
    private(set) var problems: [RosterProblem] = []
    private var seenIDs: [String: RecordLocation] = [:]

    init(vocabulary: RosterVocabulary, year: Int, organization: String, labels: [String: String] = [:]) {
        context = Context(vocabulary: vocabulary, year: year, organization: organization, labels: labels)
    }

    /// The leaders and problems found since the last call, handed out and forgotten (a roster read a piece at a
    /// time); the ids seen stay, so a duplicate id is still found.
    mutating func take() -> (leaders: [Leader], problems: [RosterProblem]) {
        defer {
            leaders.removeAll(keepingCapacity: true)
            problems.removeAll(keepingCapacity: true)
        }
        return (leaders, problems)
    }

    /// Checks records, in order: each on its own on every core, then, in order, for the ids seen before (the same
    /// leaders and problems as one by one). `normalized` says their keys are already English keys (as a table's
    /// records are).
    mutating func add(contentsOf items: [Any], at locations: [RecordLocation], normalized: Bool = false) {
        let context = self.context
        let records = UncheckedRecords(items: items)
        let checked = ParallelMap.run(Array(locations.indices)) { index in
            Self.check(records.items[index], at: locations[index], normalized: normalized, context: context)
        }
        for case .success(var record) in checked { accept(&record) }
    }

    /// A record checked on its own: the leader it gives, its problems, and where the problem of an id seen
    /// before goes.
    private struct Checked: Sendable {
        var leader: Leader?
        var problems: [RosterProblem]
        var id: String?
        var afterID: Int
        var location: RecordLocation
    }

    /// The raw records of `add(contentsOf:)`, read (never changed) on every core.
    private struct UncheckedRecords: @unchecked Sendable {
        let items: [Any]
    }

    private static func check(_ item: Any, at location: RecordLocation, normalized: Bool, context: Context) -> Checked {
        guard let raw = item as? [String: Any] else {
            return Checked(
                leader: nil, problems: [RosterProblem(.error, .notARecord, at: location)], id: nil, afterID: 0,
                location: location)
        }
        let fields = normalized ? raw : FieldNames.normalized(raw)
        var record = Record(fields: fields, location: location, validator: context)
        if fields.count < raw.count {
            for same in FieldNames.sameField(raw) {
                record.fail(FieldNames.aliases[same[0]] ?? same[0], .sameField(same))
            }
        }
        let leader = record.leader()
        return Checked(
            leader: leader, problems: record.problems, id: record.id, afterID: record.afterID, location: location)
    }

    /// Takes a checked record: a leader whose id was seen before is refused, the problem saying so placed
    /// right after the record's problems with its id.
    private mutating func accept(_ checked: inout Checked) {
        if let id = checked.id, let first = seenIDs[id] {
            let repeated = context.problem("id", .duplicateID(id, first: first), at: checked.location, leader: id)
            checked.problems.insert(repeated, at: checked.afterID)
            checked.leader = nil
        }
        problems += checked.problems
        if let leader = checked.leader {
            seenIDs[leader.id] = checked.location
            leaders.append(leader)
        }
    }

    /// One record being read.
    private struct Record {
        let fields: [String: Any]
        let location: RecordLocation
        let validator: Context
        var problems: [RosterProblem] = []
        var id: String?

        init(fields: [String: Any], location: RecordLocation, validator: Context) {
            self.fields = fields
            self.location = location
            self.validator = validator
        }

        /// How many problems the record had when its id was read (where an id seen before is reported).
        var afterID = 0

        /// The leader of the record, or nil when it has an error (an id seen before is `accept`'s to find).
        mutating func leader() -> Leader? {
            id = required("id")
            afterID = problems.count
            let name = required("name"), unit = required("unit"), position = required("position"),
                roleName = required("role")
            if let roleName, !validator.vocabulary.knows(role: roleName) {
                fail("role", .unknownRole(roleName, suggestion: validator.vocabulary.closestRole(to: roleName)))
            }
            checkYear()
            checkOrganization()
            let duty = paragraphs("duty"), problemsText = paragraphs("problems"), measures = paragraphs("measures")
            let law = text("law") ?? ""
            let indicators = self.indicators()
            guard !problems.contains(where: { $0.severity == .error }),
                  let id, let name, let unit, let position, let roleName else { return nil }
            return Leader(id: id, name: name, unit: unit, position: position, role: roleName, duty: duty, law: law,
                          problems: problemsText, measures: measures, indicators: indicators, location: location)
        }

        mutating func fail(_ field: String, _ fault: RosterFault, severity: RosterProblem.Severity = .error) {
            problems.append(validator.problem(field, fault, severity: severity, at: location, leader: id))
        }

        private mutating func required(_ key: String) -> String? {
            let before = problems.count
            guard let value = text(key)?.trimmingWhiteSpace, !value.isEmpty else {
                let reported = problems[before...].contains { $0.severity == .error }
                if !reported { fail(key, .missing) }
                return nil
            }
            return value
        }

        /// A record may repeat the roster's year (a table has it in every row): it must be the same year.
        private mutating func checkYear() {
            guard let raw = fields["year"] else { return }
            let written = RosterReader.text(raw)?.trimmingSpaces ?? ""
            let expected = validator.year
            if written.isEmpty {
                fail("year", .noYearInRecord(expected: expected))
            } else if let year = RosterReader.year(raw), RosterReader.years.contains(year) {
                if year != expected {
                    fail("year", .otherYear(year, expected: expected))
                }
            } else {
                fail("year", .badYear(written, years: RosterReader.years, expected: expected))
            }
        }

        /// A record may repeat the organisation; another one than the roster's is noted, not used.
        private mutating func checkOrganization() {
            guard let written = text("organization")?.trimmingSpaces, !written.isEmpty,
                written != validator.organization
            else { return }
            fail("organization", .otherOrganization(written, roster: validator.organization), severity: .warning)
        }

        /// A text field (a list's texts joined by line breaks), with characters XML forbids removed (and
        /// reported) and its length checked.
        private mutating func text(_ key: String) -> String? {
            pieces(key).map { $0.count == 1 ? $0[0] : $0.joined(separator: "\n") }
        }

        /// A list of paragraphs: a list of texts, or one text whose lines are the paragraphs.
        private mutating func paragraphs(_ key: String) -> [String] {
            (pieces(key) ?? []).flatMap(LineBreaks.lines).map(\.trimmingWhiteSpace).filter { !$0.isEmpty }
        }

        /// The texts of a field: a list's, or the one text; characters XML forbids removed (and reported), and the
        /// length of the field (its texts joined by line breaks) checked.
        private mutating func pieces(_ key: String) -> [String]? {
            guard let raw = fields[key], !(raw is NSNull) else { return nil }
            guard
                let values = (raw as? [Any]).map({ $0.compactMap(RosterReader.text) })
                    ?? RosterReader.text(raw).map({ [$0] })
            else {
                let number = RosterReader.numeric(raw) != nil
                fail(key, number ? .inexactNumber("\(raw)") : .notText)
                return nil
            }
            var removed = 0
            let clean = values.map { value in
                let (text, count) = XMLEscaping.removingForbidden(value)
                removed += count
                return text
            }
            if removed > 0 { fail(key, .controlCharacters(removed), severity: .warning) }
            let limit =
                FieldNames.short.contains(key) ? RosterReader.maximumShortTextLength : RosterReader.maximumTextLength
            let bytes = clean.reduce(max(clean.count - 1, 0)) { $0 + $1.utf8.count }
            if bytes > limit {
                let joined = clean.joined(separator: "\n")
                let scalars = joined.unicodeScalars.count
                if scalars > limit {
                    fail(key, .tooLong(characters: joined.count, scalars: scalars, limit: limit))
                    return nil
                }
            }
            return clean
        }


        private mutating func indicators() -> [String: Double] {
            guard let raw = fields["indicators"], !(raw is NSNull) else { return [:] }
            guard let map = raw as? [String: Any] else {
                fail("indicators", .notIndicatorMap)
                return [:]
            }
            var result: [String: Double] = [:]
            for (name, value) in map.sorted(by: { $0.key < $1.key }) {
                let number = RosterReader.numeric(value) ?? (value as? String).flatMap(RosterNumber.decimal)
                guard let number, number >= 0, number.isFinite else {
                    fail(name, .badIndicator("\(value)"))
                    continue
                }
                guard number <= RosterReader.maximumIndicator else {
                    fail(name, .indicatorTooLarge("\(value)", limit: RosterReader.maximumIndicator))
                    continue
                }
                result[name] = number
            }
            return result
        }
    }
}
