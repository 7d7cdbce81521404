import Foundation
import Yams

/// One point a role's 述法 must cover (述法内容要点, seed 004 三).
public struct DutyPoint: Sendable, Equatable, Decodable {
    /// A short title, used as the row label of the 考核评议表.
    public var title: String
    /// The seed's wording.
    public var text: String
    /// Phrases whose presence in a 述法 text counts as covering the point.
    public var keywords: [String]
}

/// A yearly minimum an indicator must reach (最低要求), with the seed's wording.
public struct Minimum: Sendable, Equatable, Decodable {
    public var indicator: String
    public var minimum: Double
    public var unit: String
    public var basis: String
    public var source: String
}

/// One duty of a 职责清单 (seed 000) and the numbered tasks under it.
public struct Duty: Sendable, Equatable, Decodable {
    public struct Task: Sendable, Equatable, Decodable {
        public var number: String
        public var text: String
    }

    public var number: String
    public var text: String
    public var tasks: [Task]
}

/// A 第一责任人职责清单 (seed 000).
public struct TaskList: Sendable, Equatable, Decodable {
    public var title: String
    public var source: String
    public var duties: [Duty]
}

/// The kinds of document shufa makes.
public enum DocumentKind: String, Sendable, CaseIterable, Codable, Comparable {
    /// 述职述法报告（草稿）
    case draft
    /// 述职述法报告
    case report
    /// 考核评议表
    case form
    /// 民主测评表 (one per unit)
    case ballot
    /// 年度履行推进法治建设第一责任人职责任务清单
    case tasklist

    /// The Chinese name, used in file names and titles.
    public var chineseName: String {
        switch self {
        case .draft: return "述职述法报告（草稿）"
        case .report: return "述职述法报告"
        case .form: return "考核评议表"
        case .ballot: return "民主测评表"
        case .tasklist: return "职责任务清单"
        }
    }

    public static func < (a: DocumentKind, b: DocumentKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A reporting role (述法主体类别) resolved to its content.
public struct Role: Sendable, Equatable {
    public var name: String
    /// The 述法内容 points the role reports on.
    public var points: [DutyPoint]
    /// The 职责清单, for the roles of seed 000.
    public var taskList: TaskList?
    /// Yearly minimums the role's indicators must reach.
    public var minimums: [Minimum]
    /// Which template file each document kind uses for this role.
    public var templates: [DocumentKind: String]
    /// A note on where the role's content comes from (e.g. 参照).
    public var note: String?
}

/// Length limits of the 述法 part (300字左右), counted in CJK characters, letters and digits.
public struct LawLength: Sendable, Equatable, Decodable {
    public init(target: Int, fineMin: Int, fineMax: Int, errorMin: Int, errorMax: Int) {
        (self.target, self.fineMin, self.fineMax) = (target, fineMin, fineMax)
        (self.errorMin, self.errorMax) = (errorMin, errorMax)
    }

    public var target: Int
    public var fineMin: Int
    public var fineMax: Int
    public var errorMin: Int
    public var errorMax: Int
}

/// Everything `templates/catalog.yaml` says: roles, their points, 职责清单, minimums, grades.
public struct Catalog: Sendable {
    /// Roles in output order.
    public var roles: [Role]
    /// The assessment grades (考核等次).
    public var grades: [String]
    public var lawLength: LawLength
    /// Which report forms are acceptable (报告形式); seed 004's rule when the catalog does not say.
    public var reportForms: ReportFormSettings = .seed004

    /// The role named `name`, if any.
    public func role(named name: String) -> Role? { roles.first { $0.name == name } }

    /// The known role closest to a misspelt `name`, for hints.
    public func closestRole(to name: String) -> String? {
        roles.map(\.name).min { EditDistance.between($0, name) < EditDistance.between($1, name) }
    }

    /// Every template file any role uses, by kind.
    public var templateFiles: [DocumentKind: Set<String>] {
        var files: [DocumentKind: Set<String>] = [:]
        for role in roles { for (kind, file) in role.templates { files[kind, default: []].insert(file) } }
        return files
    }
}

/// Why the catalog cannot be used.
public struct CatalogError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String
    public var description: String { "\(file): \(message)" }
}

extension Catalog {
    /// Reads `catalog.yaml` and resolves every role's references.
    public static func load(from url: URL) throws(CatalogError) -> Catalog {
        let file = url.lastPathComponent
        let raw: RawCatalog
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            raw = try YAMLDecoder().decode(RawCatalog.self, from: text)
        } catch let error as DecodingError {
            throw CatalogError(file: file, message: Self.describe(error))
        } catch {
            throw CatalogError(file: file, message: "cannot read: \(error.localizedDescription)")
        }
        return try raw.resolve(file: file)
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)): missing key '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// The file's shape, before references are resolved.
private struct RawCatalog: Decodable {
    struct PointSet: Decodable {
        var source: String
        var points: [DutyPoint]
    }

    struct RawRole: Decodable {
        var name: String
        var points: String
        var tasklist: String?
        var minimums: [Minimum]?
        var documents: [String: String]?
        var note: String?
    }

    var documents: [String: String]
    var grades: [String]
    var lawLength: LawLength
    var reportForms: ReportFormSettings?
    var pointSets: [String: PointSet]
    var tasklists: [String: TaskList]
    var roles: [RawRole]

    func resolve(file: String) throws(CatalogError) -> Catalog {
        let defaults = try kinds(documents, file: file, context: "documents")
        var roles: [Role] = []
        for raw in self.roles {
            guard let set = pointSets[raw.points] else {
                throw CatalogError(file: file, message: "role \(raw.name): points '\(raw.points)' is not in pointSets")
            }
            let taskList = try raw.tasklist.map { (name: String) throws(CatalogError) -> TaskList in
                guard let list = tasklists[name] else {
                    throw CatalogError(file: file, message: "role \(raw.name): tasklist '\(name)' is not in tasklists")
                }
                return list
            }
            var templates = defaults.merging(try kinds(raw.documents ?? [:], file: file, context: "role \(raw.name)")) { $1 }
            if taskList == nil { templates[.tasklist] = nil }
            roles.append(Role(name: raw.name, points: set.points, taskList: taskList, minimums: raw.minimums ?? [],
                              templates: templates, note: raw.note))
        }
        if reportForms?.accepted.isEmpty == true {
            throw CatalogError(file: file, message: "reportForms.accepted is empty: list combined, law-only or both")
        }
        guard Set(roles.map(\.name)).count == roles.count else {
            throw CatalogError(file: file, message: "a role is listed twice")
        }
        return Catalog(roles: roles, grades: grades, lawLength: lawLength, reportForms: reportForms ?? .seed004)
    }

    private func kinds(_ map: [String: String], file: String, context: String) throws(CatalogError) -> [DocumentKind: String] {
        var result: [DocumentKind: String] = [:]
        for (key, value) in map {
            guard let kind = DocumentKind(rawValue: key) else {
                throw CatalogError(file: file, message: "\(context): unknown document kind '\(key)' (known: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            result[kind] = value
        }
        return result
    }
}
