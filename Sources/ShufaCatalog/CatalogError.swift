import ShufaRoster
import ShufaSystem

/// Why the catalog cannot be used: the file, the line when known, and what to change.
public struct CatalogError: Error, Sendable, CustomStringConvertible {
    public var file: String
    /// The line of the file the error is on, when known.
    public var line: Int?
    public var message: String
    /// Where in the file's structure the error is (keys and list positions), for finding its line.
    var path: [CatalogPath]

    public init(file: String, message: String) {
        self.init(file: file, message: message, path: [])
    }

    init(file: String, message: String, path: [CatalogPath]) {
        self.file = file
        self.message = message
        self.path = path
    }

    init(file: String, _ problem: Problem, path: [CatalogPath] = []) {
        self.init(file: file, message: problem.description, path: path)
    }

    public var description: String { "\(file)\(line.map { " 第 \($0) 行" } ?? "")：\(message)" }

    /// What is wrong; rendered in Chinese here only.
    enum Problem: Error, CustomStringConvertible {
        case file(RegularFile.Problem)
        case syntax(RosterFault)
        case missingKey(String)
        /// A value of the wrong kind: what was expected.
        case wrongKind(expected: String)
        case badValue(String)
        /// A role names a point set or task list (`key`, `name`) that `list` does not hold.
        case unknownReference(role: String, key: String, name: String, list: String)
        case roleTwice(String)
        case unknownKind(String)
        /// A template path that is absolute or climbs out with `..`.
        case templateOutside(String)
        /// A 职责清单 built from points names a point set that `pointSets` does not hold.
        case unknownTaskListPoints(list: String, name: String)
        /// A 职责清单 has neither duties nor points to build them from.
        case emptyTaskList(String)
        /// `locality` sets a marker that texts cannot use.
        case unknownLocalitySetting(String)
        /// A text holds `{…}` that is not a place marker.
        case unknownPlaceMarker(String)
        /// `reportForms.accepted` lists no form.
        case noAcceptedReportForm

        var description: String {
            switch self {
            case .file(let problem): return "无法读取：\(problem)"
            case .syntax(let fault): return fault.description
            case .missingKey(let key): return "缺少「\(key)」：请补上"
            case .wrongKind(let expected): return "这里应是\(expected)"
            case .badValue(let reason): return "值不对（\(reason.prefix(80))）"
            case .unknownReference(let role, let key, let name, let list):
                return "角色「\(role)」的 \(key)「\(name)」不在 \(list) 中：请检查拼写，或在 \(list) 中补上"
            case .roleTwice(let name): return "角色「\(name)」列出了两次：每个角色只能有一项"
            case .unknownKind(let key):
                return "未知的文书类别「\(key)」（可用：\(DocumentKind.allCases.map(\.rawValue).joined(separator: "、"))）"
            case .templateOutside(let path):
                return "模板路径「\(path.prefix(100))」不在模板文件夹内（不能是绝对路径，也不能含 ..）：请把模板放进模板文件夹，写相对路径"
            case .unknownTaskListPoints(let list, let name):
                return "职责清单「\(list)」的 points「\(name)」不在 pointSets 中：请检查拼写，或在 pointSets 中补上"
            case .emptyTaskList(let list):
                return "职责清单「\(list)」既没有 duties，也没有 points：请补上其中一项"
            case .unknownLocalitySetting(let key):
                return "locality 中的「\(key)」不是地名称谓（可用：\(Locality.markers.joined(separator: "、"))）"
            case .unknownPlaceMarker(let marker):
                let known = Locality.markers.map { "{\($0)}" }.joined(separator: "、")
                return "文字中的「\(marker)」不是地名标记（可用：\(known)）"
            case .noAcceptedReportForm:
                return "reportForms.accepted 为空：请列出 combined、law-only 或两者"
            }
        }
    }
}

extension CatalogError {
    init(file: String, _ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(file: file, .missingKey(key.stringValue), path: Self.path(context))
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            self.init(file: file, .wrongKind(expected: Self.kind(type)), path: Self.path(context))
        case .dataCorrupted(let context):
            self.init(file: file, .badValue(context.debugDescription), path: Self.path(context))
        @unknown default:
            self.init(file: file, .badValue("\(error)"))
        }
    }

    init(file: String, _ fault: RosterFault) {
        self.init(file: file, .syntax(fault))
    }

    private static func path(_ context: DecodingError.Context) -> [CatalogPath] {
        context.codingPath.map { $0.intValue.map(CatalogPath.index) ?? .key($0.stringValue) }
    }

    /// The kind of value a type stands for (Yams names its node kinds), in words.
    private static func kind(_ type: Any.Type) -> String {
        let name = "\(type)"
        if name.contains("Sequence") || name.hasPrefix("Array") { return "列表（- 项）" }
        if name.contains("Mapping") || name.hasPrefix("Dictionary") { return "映射（键: 值）" }
        return "单个值（文本或数字）"
    }
}
