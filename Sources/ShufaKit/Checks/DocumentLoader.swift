import Foundation

/// Opens the files given to `shufa check` / `shufa extract`: ODF as it is, Word documents (.docx,
/// .doc) converted to ODF through LibreOffice first, all in one LibreOffice process.
public enum DocumentLoader {
    /// Each file's parts, or why it cannot be read, in the order given.
    public static func load(_ files: [URL], fontConfig: URL? = nil) -> [(file: URL, parts: Result<ODFParts, ODFParts.ReadError>)] {
        let word = files.filter { ["docx", "doc"].contains($0.pathExtension.lowercased()) }
        let converted = convert(word, fontConfig: fontConfig)
        return files.map { file in
            if let conversion = converted[file] {
                return (file, conversion.flatMap { url in Result { () throws(ODFParts.ReadError) in try ODFParts.read(url) } })
            }
            return (file, Result { () throws(ODFParts.ReadError) in try ODFParts.read(file) })
        }
    }

    private static func convert(_ files: [URL], fontConfig: URL?) -> [URL: Result<URL, ODFParts.ReadError>] {
        guard !files.isEmpty else { return [:] }
        let failure = { (file: URL, message: String) in ODFParts.ReadError(file: file.lastPathComponent, message: message) }
        do {
            let office = try LibreOffice(fontConfig: fontConfig)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shufa-word-\(UUID().uuidString)")
            let attempt = try office.attempt(files, to: "odt", into: directory, timeout: 120)
            let unconverted = attempt.timedOut
                ? "LibreOffice 转换超时（120 秒），请另存为 .odt 后再试"
                : "LibreOffice 无法打开或转换这个 Word 文档（可能已损坏或加密），请用 Word 或 WPS 重新另存后再试"
            return Dictionary(uniqueKeysWithValues: zip(files, attempt.outputs).map { file, output in
                (file, output.map { .success($0) } ?? .failure(failure(file, unconverted)))
            })
        } catch {
            let message = "无法通过 LibreOffice 把 Word 文档转换为 ODF（\(error)）；请确认已安装 LibreOffice，或另存为 .odt 后再试"
            return Dictionary(uniqueKeysWithValues: files.map { ($0, .failure(failure($0, message))) })
        }
    }
}

/// Where the OASIS ODF 1.3 schemas are: `--schemas`, else `$SHUFA_SCHEMAS`, else `../shared/schemas/odf1.3`.
public enum SchemaLocator {
    public static func find(_ explicit: String?) -> URL? {
        let environment = ProcessInfo.processInfo.environment["SHUFA_SCHEMAS"]
        let candidates = [explicit, environment, "../shared/schemas/odf1.3"].compactMap { $0 }
        return candidates.map { URL(fileURLWithPath: $0) }.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("OpenDocument-v1.3-schema.rng").path)
        }
    }
}
