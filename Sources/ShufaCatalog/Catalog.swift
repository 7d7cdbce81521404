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
    /// A numbered task under a duty (seed 000: 1. 2. …).
    public struct Task: Sendable, Equatable, Decodable {
        public var number: String
        public var text: String
    }

    public var number: String
    public var text: String
    public var tasks: [Task]
}

/// A 第一责任人职责清单: seed 000's lists, or one built from a role's 述法内容 points (seed 004 三).
public struct TaskList: Sendable, Equatable {
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
    /// 考核测评: the tally's entry workbook and results (written by ShufaTally, not from a role's template)
    case tally

    /// The Chinese name, used in file names and titles.
    public var chineseName: String {
        switch self {
        case .draft: return "述职述法报告（草稿）"
        case .report: return "述职述法报告"
        case .form: return "考核评议表"
        case .ballot: return "民主测评表"
        case .tasklist: return "职责任务清单"
        case .tally: return "考核测评"
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
    /// The place names and levels its texts' markers (`{县委}`, `{本地}` …) become.
    public var locality: Locality
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
    /// The place names and levels of the catalog's texts (`locality`).
    public var locality: Locality
    /// Which report forms are acceptable (报告形式); seed 004's rule when the catalog does not say.
    public var reportForms: ReportFormSettings = .seed004
    /// Prompts of earlier draft templates (`retiredPrompts`), still recognised in drafts handed out before
    /// the templates changed.
    public var retiredPrompts: [String] = []

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

    /// A 职责清单 as written: its duties, or the point set (less the titles in `except`) to make them of.
    struct RawTaskList: Decodable {
        var title: String
        var source: String
        var duties: [Duty]?
        var points: String?
        var except: [String]?
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
    var locality: [String: String]?
    var reportForms: ReportFormSettings?
    var retiredPrompts: [String]?
    var pointSets: [String: PointSet]
    var tasklists: [String: RawTaskList]
    var roles: [RawRole]

    func resolve(file: String) throws(CatalogError) -> Catalog {
        let locality = try self.locality(file: file)
        let lists = try taskLists(file: file)
        let defaults = try kinds(documents, file: file, path: ["documents"])
        var roles: [Role] = []
        for (index, raw) in self.roles.enumerated() {
            guard let set = pointSets[raw.points] else {
                let problem = CatalogError.Problem.unknownReference(role: raw.name, key: "points", name: raw.points,
                                                                     list: "pointSets")
                throw CatalogError(file: file, problem, path: ["roles", .index(index), "points"])
            }
            let taskList = try raw.tasklist.map { (name: String) throws(CatalogError) -> TaskList in
                guard let list = lists[name] else {
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
                              templates: templates, note: raw.note, locality: locality))
        }
        let twice = roles.indices.first { index in roles[..<index].contains { $0.name == roles[index].name } }
        if let twice {
            throw CatalogError(file: file, .roleTwice(roles[twice].name), path: ["roles", .index(twice), "name"])
        }
        if reportForms?.accepted.isEmpty == true {
            throw CatalogError(file: file, .noAcceptedReportForm, path: ["reportForms", "accepted"])
        }
        return Catalog(roles: roles, grades: grades, lawLength: lawLength, locality: locality,
                       reportForms: reportForms ?? .seed004, retiredPrompts: retiredPrompts ?? [])
    }

    /// The `locality` setting, after checking that texts use only place markers.
    private func locality(file: String) throws(CatalogError) -> Locality {
        let settings = locality ?? [:]
        if let key = settings.keys.sorted().first(where: { !Locality.markers.contains($0) }) {
            throw CatalogError(file: file, .unknownLocalitySetting(key), path: ["locality", .key(key)])
        }
        var texts: [(path: [CatalogPath], text: String)] = []
        for (name, set) in pointSets.sorted(by: { $0.key < $1.key }) {
            texts += set.points.enumerated().map { (["pointSets", .key(name), "points", .index($0), "text"], $1.text) }
        }
        for (name, list) in tasklists.sorted(by: { $0.key < $1.key }) {
            let base: [CatalogPath] = ["tasklists", .key(name)]
            texts.append((base + ["title"], list.title))
            for (index, duty) in (list.duties ?? []).enumerated() {
                let at = base + ["duties", .index(index)]
                texts.append((at + ["text"], duty.text))
                texts += duty.tasks.enumerated().map { (at + ["tasks", .index($0), "text"], $1.text) }
            }
        }
        for (path, text) in texts {
            if let marker = Locality.unknownMarkers(in: text).first {
                throw CatalogError(file: file, .unknownPlaceMarker(marker), path: path)
            }
        }
        return Locality(settings: settings)
    }

    /// Every 职责清单, those built from points included.
    private func taskLists(file: String) throws(CatalogError) -> [String: TaskList] {
        var lists: [String: TaskList] = [:]
        for (name, raw) in tasklists {
            if let duties = raw.duties {
                lists[name] = TaskList(title: raw.title, source: raw.source, duties: duties)
                continue
            }
            guard let setName = raw.points else {
                throw CatalogError(file: file, .emptyTaskList(name), path: ["tasklists", .key(name)])
            }
            guard let set = pointSets[setName] else {
                throw CatalogError(file: file, .unknownTaskListPoints(list: name, name: setName),
                                   path: ["tasklists", .key(name), "points"])
            }
            let kept = set.points.filter { !(raw.except ?? []).contains($0.title) }
            let duties = kept.enumerated().map { index, point in
                Duty(number: "（\(ChineseNumeral.of(index + 1))）", text: point.text, tasks: [])
            }
            lists[name] = TaskList(title: raw.title, source: raw.source, duties: duties)
        }
        return lists
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

/// Chinese numerals for the numbers of a 职责清单's duties: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十.
enum ChineseNumeral {
    private static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    static func of(_ number: Int) -> String {
        guard number >= 1 && number < 100 else { return String(number) }
        let tens = number / 10, ones = number % 10
        let head = tens == 0 ? "" : (tens == 1 ? "" : digits[tens]) + "十"
        return head + (ones == 0 ? "" : digits[ones])
    }
}
