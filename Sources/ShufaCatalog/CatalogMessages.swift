import ShufaRoster

/// Every message of the catalog, in Chinese, from one place.
public enum CatalogMessages {
    /// 「catalog.yaml 第 12 行：……」.
    public static func text(_ error: CatalogError) -> String {
        "\(error.file)\(error.line.map { " 第 \($0) 行" } ?? "")：\(text(error.problem))"
    }

    public static func text(_ problem: CatalogError.Problem) -> String {
        switch problem {
        case .file(let problem): return "无法读取：\(problem)"
        case .notUTF8: return "值不对（不是 UTF-8 文本）：请把 catalog.yaml 另存为 UTF-8"
        case .syntax(let fault): return fault.description
        case .missingKey(let key): return "缺少「\(key)」：请补上"
        case .wrongKind(let expected): return "这里应是\(text(expected))"
        case .badValue(let reason): return "值不对（\(reason.prefix(80))）"
        case .unknownReference(let role, let key, let name, let list):
            return "角色「\(role)」的 \(key)「\(name)」不在 \(list) 中：请检查拼写，或在 \(list) 中补上"
        case .roleTwice(let name): return "角色「\(name)」列出了两次：每个角色只能有一项"
        case .unknownKind(let key):
            return "未知的文书类别「\(key)」（可用：\(DocumentKind.allCases.map(\.rawValue).joined(separator: "、"))）"
        case .templateOutside(let path):
            return "模板路径「\(path.prefix(100))」不在模板文件夹内（不能是绝对路径，也不能含 ..）："
                + "请把模板放进模板文件夹，写相对路径"
        case .unknownTaskListPoints(let list, let name):
            return "职责清单「\(list)」的 points「\(name)」不在 pointSets 中：请检查拼写，或在 pointSets 中补上"
        case .emptyTaskList(let list): return "职责清单「\(list)」既没有 duties，也没有 points：请补上其中一项"
        case .unknownLocalitySetting(let key):
            return "locality 中的「\(key)」不是地名称谓（可用：\(Locality.markers.joined(separator: "、"))）"
        case .unknownPlaceMarker(let marker):
            let known = Locality.markers.map { "{\($0)}" }.joined(separator: "、")
            return "文字中的「\(marker)」不是地名标记（可用：\(known)）"
        case .noAcceptedReportForm: return "reportForms.accepted 为空：请列出 combined、law-only 或两者"
        }
    }

    static func text(_ kind: CatalogError.ValueKind) -> String {
        switch kind {
        case .list: return "列表（- 项）"
        case .mapping: return "映射（键: 值）"
        case .scalar: return "单个值（文本或数字）"
        }
    }
}
