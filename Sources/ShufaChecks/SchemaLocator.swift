import Foundation

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
