import Foundation
import ShufaText

/// The file's shape, before references are resolved.
struct RawCatalog: Codable, Equatable {
    struct PointSet: Codable, Equatable {
        var source: String
        var points: [DutyPoint]
    }

    /// A 职责清单 as written: its duties, or the point set (less the titles in `except`) to make them of.
    struct RawTaskList: Codable, Equatable {
        var title: String
        var source: String
        var duties: [Duty]?
        var points: String?
        var except: [String]?
    }

    struct RawRole: Codable, Equatable {
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
