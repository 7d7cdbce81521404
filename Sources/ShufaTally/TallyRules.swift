import Foundation
import ShufaKit
import Yams

/// How 测评 become 考核等次 (seed 004 四（二）（三）、五（二）), from the `tally` section of `catalog.yaml`:
/// who rates (评价主体) and with what weight, the 专项工作考核 score, points per grade, score bands,
/// the 考核序列 inside which leaders are compared, quotas per grade and the automatic rules. Every number
/// is a local decision (考核办法); the catalog ships defaults marked as such.
public struct TallyRules: Sendable {
    /// A 评价主体 (上级评价, 单位内部测评, …) and its weight in the composite.
    public struct Subject: Sendable, Equatable, Decodable {
        public var name: String
        public var weight: Double
    }

    /// The 专项工作考核 score: its column name, weight and highest value.
    public struct SpecialScore: Sendable, Equatable, Decodable {
        public var name: String
        public var weight: Double
        public var max: Double
    }

    /// A 考核序列: the roles whose leaders are compared with each other.
    public struct Series: Sendable, Equatable, Decodable {
        public var name: String
        public var roles: [String]
    }

    /// The most leaders of a 序列 a grade may go to.
    public struct Quota: Sendable, Equatable {
        public var share: Share
        public var rounding: QuotaRounding
    }

    /// 考核等次, best first (`grades` of the catalog).
    public var grades: [String]
    public var subjects: [Subject]
    public var special: SpecialScore
    /// Points of one vote for each grade.
    public var points: [String: Double]
    /// The lowest composite that earns each grade but the last, best first.
    public var bands: [(grade: String, minimum: Double)]
    /// The share of 应到 that 实到 must exceed (过半数: "1/2").
    public var quorum: Share
    public var series: [Series]
    public var quotas: [String: Quota]
    /// 较差 votes reaching this share of a 测评's valid votes make the leader 较差.
    public var poorVotes: Share?
    /// A 一票否决 reason makes the leader 较差.
    public var veto: Bool
    /// Template files: the printable summary and the 考核评议表 with results.
    public var summaryTemplate: String
    public var formTemplate: String

    /// The lowest grade (较差): where automatic rules and the bands' floor lead.
    public var lowestGrade: String { grades[grades.count - 1] }

    /// The 序列 a role belongs to.
    public func series(ofRole role: String) -> String? { series.first { $0.roles.contains(role) }?.name }

    /// The grade a composite earns by the bands alone.
    public func bandGrade(_ composite: Double) -> String {
        bands.first { composite >= $0.minimum - 1e-9 }?.grade ?? lowestGrade
    }

    /// The weight of a 评价主体.
    public func weight(of subject: String) -> Double { subjects.first { $0.name == subject }?.weight ?? 0 }
}

extension TallyRules {
    /// Reads the `tally` section of `catalog.yaml` and checks it against the catalog's grades and roles.
    public static func load(from url: URL, catalog: Catalog) throws(TallyError) -> TallyRules {
        let file = url.lastPathComponent
        let raw: RawFile
        do {
            let text = String(decoding: try RegularFile.read(url, limit: Catalog.maximumBytes), as: UTF8.self)
            raw = try YAMLDecoder().decode(RawFile.self, from: text)
        } catch let error as RegularFile.Problem {
            throw .catalog(file: file, problem: .unreadable(error.description))
        } catch let error as DecodingError {
            throw .catalog(file: file, problem: .unreadable(CatalogError(file: file, error).message))
        } catch {
            throw .catalog(file: file, problem: .unreadable(CatalogError(file: file, YAMLGuard.fault(error)).message))
        }
        guard let section = raw.tally else { throw .catalog(file: file, problem: .missingSection) }
        do { return try section.resolve(grades: catalog.grades, roles: catalog.roles.map(\.name)) } catch {
            throw .catalog(file: file, problem: error)
        }
    }

    private struct RawFile: Decodable {
        var tally: RawTally?
    }

    private struct RawTally: Decodable {
        struct Templates: Decodable { var summary: String; var form: String }
        struct RawQuota: Decodable { var share: String; var rounding: QuotaRounding? }
        struct Rules: Decodable { var poorVotes: String?; var veto: Bool? }

        var templates: Templates
        var subjects: [Subject]
        var special: SpecialScore
        var points: [String: Double]
        var bands: [String: Double]
        var quorum: String
        var series: [Series]
        var quotas: [String: RawQuota]?
        var rules: Rules?

        func resolve(grades: [String], roles: [String]) throws(CatalogProblem) -> TallyRules {
            guard grades.count >= 2 else { throw .tooFewGrades }
            try checkSubjects()
            for grade in grades where points[grade] == nil { throw .missingPoints(grade) }
            for grade in Array(points.keys) + Array(bands.keys) + Array((quotas ?? [:]).keys)
            where !grades.contains(grade) {
                throw .unknownGrade(grade, known: grades)
            }
            let lowest = grades[grades.count - 1]
            if bands[lowest] != nil { throw .bandForLowestGrade(lowest) }
            if quotas?[lowest] != nil { throw .quotaForLowestGrade(lowest) }
            try checkSeries(roles: roles)
            let poorVotes = try rules?.poorVotes.map { (text: String) throws(CatalogProblem) -> Share in
                try share(text, context: "rules.poorVotes")
            }
            return TallyRules(
                grades: grades, subjects: subjects, special: special, points: points,
                bands: grades.compactMap { grade in bands[grade].map { (grade, $0) } },
                quorum: try share(quorum, context: "quorum"), series: series, quotas: try resolvedQuotas(),
                poorVotes: poorVotes,
                veto: rules?.veto ?? true, summaryTemplate: templates.summary, formTemplate: templates.form)
        }

        private func checkSubjects() throws(CatalogProblem) {
            guard !subjects.isEmpty else { throw .noSubjects }
            var seen = Set<String>()
            for subject in subjects {
                guard seen.insert(subject.name).inserted else { throw .duplicateSubject(subject.name) }
                guard subject.weight >= 0, subject.weight.isFinite else { throw .badWeight(subject.name) }
            }
            guard special.weight >= 0, special.weight.isFinite else { throw .badWeight(special.name) }
            guard special.max > 0, special.max.isFinite else { throw .badMaximum(special.name) }
            guard subjects.contains(where: { $0.weight > 0 }) else { throw .noSubjectWeight }
        }

        private func checkSeries(roles: [String]) throws(CatalogProblem) {
            var owner: [String: String] = [:]
            for series in series {
                for role in series.roles {
                    guard roles.contains(role) else { throw .unknownRole(role, series: series.name) }
                    if let other = owner[role] { throw .roleInTwoSeries(role, first: other, second: series.name) }
                    owner[role] = series.name
                }
            }
            let orphans = roles.filter { owner[$0] == nil }
            guard orphans.isEmpty else { throw .rolesInNoSeries(orphans) }
        }

        private func resolvedQuotas() throws(CatalogProblem) -> [String: Quota] {
            var result: [String: Quota] = [:]
            for (grade, quota) in quotas ?? [:] {
                result[grade] = Quota(
                    share: try share(quota.share, context: "quotas.\(grade)"), rounding: quota.rounding ?? .down)
            }
            return result
        }

        private func share(_ text: String, context: String) throws(CatalogProblem) -> Share {
            guard let share = Share(text) else { throw .badShare(text, context: context) }
            return share
        }
    }
}
