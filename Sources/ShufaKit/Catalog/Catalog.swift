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

extension Catalog {
    /// The largest catalog read.
    static let maximumBytes = 16 << 20

    /// Reads `catalog.yaml` and resolves every role's references. An error names the line it is on.
    public static func load(from url: URL) throws(CatalogError) -> Catalog {
        let file = url.lastPathComponent
        let text: String
        do { text = try CatalogText.read(url, limit: maximumBytes) } catch { throw CatalogError(file: file, error) }
        do {
            return try YAMLDecoder().decode(RawCatalog.self, from: text).resolve(file: file)
        } catch let error as CatalogError {
            throw CatalogText.located(error, in: text)
        } catch let error as DecodingError {
            throw CatalogText.located(CatalogError(file: file, error), in: text)
        } catch {
            throw CatalogError(file: file, YAMLGuard.fault(error))
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
    var pointSets: [String: PointSet]
    var tasklists: [String: TaskList]
    var roles: [RawRole]

    func resolve(file: String) throws(CatalogError) -> Catalog {
        let defaults = try kinds(documents, file: file, path: ["documents"])
        var roles: [Role] = []
        for (index, raw) in self.roles.enumerated() {
            guard let set = pointSets[raw.points] else {
                let problem = CatalogError.Problem.unknownReference(role: raw.name, key: "points", name: raw.points,
                                                                     list: "pointSets")
                throw CatalogError(file: file, problem, path: ["roles", .index(index), "points"])
            }
            let taskList = try raw.tasklist.map { (name: String) throws(CatalogError) -> TaskList in
                guard let list = tasklists[name] else {
                    let problem = CatalogError.Problem.unknownReference(role: raw.name, key: "tasklist", name: name,
                                                                         list: "tasklists")
                    throw CatalogError(file: file, problem, path: ["roles", .index(index), "tasklist"])
                }
                return list
            }
            let own = try kinds(raw.documents ?? [:], file: file, path: ["roles", .index(index), "documents"])
            var templates = defaults.merging(own) { $1 }
            if taskList == nil { templates[.tasklist] = nil }
            roles.append(Role(name: raw.name, points: set.points, taskList: taskList, minimums: raw.minimums ?? [],
                              templates: templates, note: raw.note))
        }
        let twice = roles.indices.first { index in roles[..<index].contains { $0.name == roles[index].name } }
        if let twice {
            throw CatalogError(file: file, .roleTwice(roles[twice].name), path: ["roles", .index(twice), "name"])
        }
        return Catalog(roles: roles, grades: grades, lawLength: lawLength)
    }

    /// The template file of each document kind in `map`, found at `path` in the file.
    /// - Throws: for an unknown kind, or a file name that leaves the templates folder.
    private func kinds(_ map: [String: String], file: String,
                       path: [CatalogPath]) throws(CatalogError) -> [DocumentKind: String] {
        var result: [DocumentKind: String] = [:]
        for (key, value) in map.sorted(by: { $0.key < $1.key }) {
            guard let kind = DocumentKind(rawValue: key) else {
                throw CatalogError(file: file, .unknownKind(key), path: path + [.key(key)])
            }
            guard TemplatePath.isConfined(value) else {
                throw CatalogError(file: file, .templateOutside(value), path: path + [.key(key)])
            }
            result[kind] = value
        }
        return result
    }
}
