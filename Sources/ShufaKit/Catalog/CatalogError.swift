/// Why `catalog.yaml` cannot be used: each case carries the file and where in it, and `description`
/// says in Chinese what is wrong and what to change.
public enum CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file cannot be read (reason).
    case unreadable(file: String, reason: String)
    /// A key the catalog needs is missing (path of the enclosing entry, key).
    case missingKey(file: String, path: String, key: String)
    /// A value has the wrong shape (path, what the decoder said).
    case malformed(file: String, path: String, detail: String)
    /// A role names a point set that `pointSets` does not have.
    case unknownPointSet(file: String, role: String, name: String)
    /// A role names a 职责清单 that `tasklists` does not have.
    case unknownTaskList(file: String, role: String, name: String)
    /// A 职责清单 built from points names a point set that `pointSets` does not have.
    case unknownTaskListPoints(file: String, list: String, name: String)
    /// A 职责清单 has neither duties nor points to build them from.
    case emptyTaskList(file: String, list: String)
    /// `documents` (context) names a kind shufa does not make.
    case unknownKind(file: String, context: String, kind: String)
    /// A role is listed twice.
    case duplicateRole(file: String, role: String)
    /// `locality` sets a marker that texts cannot use.
    case unknownLocalitySetting(file: String, key: String)
    /// A text (where) holds `{…}` that is not a place marker.
    case unknownPlaceMarker(file: String, location: String, marker: String)
    /// `reportForms.accepted` lists no form.
    case noAcceptedReportForm(file: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file)：无法读取（\(reason)）"
        case .missingKey(let file, let path, let key):
            return "\(file)：\(Self.place(path))缺少「\(key)」项"
        case .malformed(let file, let path, let detail):
            return "\(file)：\(Self.place(path))格式不对（\(detail)），请对照文件开头的说明修改"
        case .unknownPointSet(let file, let role, let name):
            return "\(file)：类别「\(role)」的 points 「\(name)」不在 pointSets 中"
        case .unknownTaskList(let file, let role, let name):
            return "\(file)：类别「\(role)」的 tasklist 「\(name)」不在 tasklists 中"
        case .unknownTaskListPoints(let file, let list, let name):
            return "\(file)：职责清单「\(list)」的 points 「\(name)」不在 pointSets 中"
        case .emptyTaskList(let file, let list):
            return "\(file)：职责清单「\(list)」既没有 duties，也没有 points，请补上其中一项"
        case .unknownKind(let file, let context, let kind):
            let known = DocumentKind.allCases.map(\.rawValue).joined(separator: "、")
            return "\(file)：\(context) 中的文书种类「\(kind)」不存在（可用：\(known)）"
        case .duplicateRole(let file, let role):
            return "\(file)：类别「\(role)」列出了两次"
        case .unknownLocalitySetting(let file, let key):
            return "\(file)：locality 中的「\(key)」不是地名称谓（可用：\(Locality.markers.joined(separator: "、"))）"
        case .unknownPlaceMarker(let file, let location, let marker):
            let known = Locality.markers.map { "{\($0)}" }.joined(separator: "、")
            return "\(file)：\(location)中的「\(marker)」不是地名标记（可用：\(known)）"
        case .noAcceptedReportForm(let file):
            return "\(file)：reportForms.accepted 为空，请列出 combined、law-only 或两者"
        }
    }

    private static func place(_ path: String) -> String { path.isEmpty ? "" : "「\(path)」处" }
}
