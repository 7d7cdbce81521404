import Foundation
import Hummingbird

/// The fields of a submitted form: `application/x-www-form-urlencoded` (at most 64 KiB), or a multipart
/// form without files.
enum FormFields {
    static func read(_ request: Request, desk: Desk) async throws -> [String: String] {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        if type.hasPrefix("multipart/form-data") {
            return try await UploadReceiver(folder: desk.folder, limits: desk.configuration.limits)
                .receive(request, purpose: nil).fields
        }
        guard type.hasPrefix("application/x-www-form-urlencoded") else { throw DeskError.badForm }
        var body = request.body
        let buffer: ByteBuffer
        do { buffer = try await body.collect(upTo: UploadReceiver.fieldLimit) } catch {
            throw DeskError.tooLarge(limit: UploadReceiver.fieldLimit)
        }
        return parse(String(buffer: buffer))
    }

    /// `a=1&b=%E4%B8%AD+文` → ["a": "1", "b": "中 文"]; the first of a repeated name wins.
    static func parse(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), fields[name] == nil else { continue }
            fields[name] = parts.count > 1 ? decode(parts[1]) ?? "" : ""
        }
        return fields
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
