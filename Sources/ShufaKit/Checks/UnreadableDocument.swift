import Foundation

/// The message for a document that cannot be read at all, as `shufa check`, `shufa extract` and the browser
/// desk say it: the reader's own refusal (too large, encrypted, not a package…) or, for anything else (XML
/// that is not well formed), that the document is damaged.
public enum UnreadableDocument {
    /// 「无法读取 FILE：…」 for `error`, thrown reading or parsing the document called `file`.
    public static func message(_ file: String, _ error: any Error) -> String {
        if let error = error as? ODFParts.ReadError { return "无法读取 \(file)：\(error.message)" }
        return "无法读取 \(file)：不是完好的 ODF 文档，内容已损坏（\(error)）；请重新保存后再试"
    }
}
