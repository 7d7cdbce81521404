/// Every message of ShufaXML, in Chinese, from one place. What libxml2 itself says about a document (an
/// `XMLIssue`'s message) is quoted as it gave it.
public enum XMLMessages {
    public static func text(_ error: XMLParseError) -> String {
        switch error {
        case .malformed(let issues):
            return "不是格式正确的 XML：" + issues.prefix(3).map(\.description).joined(separator: "；")
        case .doctypeForbidden(let source):
            return "\(source)：含有 DOCTYPE 声明；ODF 文档没有 DOCTYPE，已拒绝（从不展开实体）"
        case .tooLarge(let source, let bytes, let limit):
            return "\(source)：\(bytes) 字节，超过 \(limit) 字节的上限"
        }
    }

    public static func text(_ error: RelaxNGSchema.LoadError) -> String {
        "无法读取 RELAX NG 规范文件 \(error.path)：" + error.issues.prefix(3).map(\.description).joined(separator: "；")
    }

    static let unreadable = "文件为空或无法读取"
    static let invalid = "不符合规范"
    static let outOfMemory = "内存不足"
    static let unknown = "未知错误"
}
