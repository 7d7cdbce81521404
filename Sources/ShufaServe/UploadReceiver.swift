import Crypto
import Foundation
import Hummingbird
import MultipartKit

/// Receives a `multipart/form-data` body as it streams in: refuses it past the size limit or the file count,
/// writes each file to a private scratch file while hashing it, then tells its type from its content and
/// keeps it as `uploads/<sha256>.<ext>`.
struct UploadReceiver {
    let folder: DataFolder
    let limits: UploadLimits

    /// The largest text field accepted.
    static let fieldLimit = 64 << 10

    /// The form's fields and files; with `token`, the form must carry it (`csrf`) before any file is kept.
    func receive(_ request: Request, purpose: FileType.Purpose?, token: String? = nil) async throws -> Upload {
        guard let contentType = request.headers[.contentType], let boundary = Self.boundary(contentType) else {
            throw DeskError.notMultipart
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limits.bytes {
            throw DeskError.tooLarge(limit: limits.bytes)
        }
        let scratch = try folder.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let collector = PartCollector(scratch: scratch, files: limits.files)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { collector.header($0, $1) }
        parser.onBody = { collector.body(&$0) }
        parser.onPartComplete = { collector.complete() }
        var total = 0
        for try await buffer in request.body {
            total += buffer.readableBytes
            guard total <= limits.bytes else { throw DeskError.tooLarge(limit: limits.bytes) }
            do { try parser.execute(buffer) } catch { throw DeskError.badForm }
            if let error = collector.error { throw error }
        }
        if let error = collector.error { throw error }
        if let token, !DeskSession.matches(collector.fields["csrf"], token) { throw DeskError.csrf }
        var files: [StoredUpload] = []
        for part in collector.files {
            files.append(try keep(part, purpose: purpose))
        }
        return Upload(fields: collector.fields, files: files)
    }

    /// Moves a received file into `uploads/` under its content, once its type is known and accepted.
    private func keep(_ part: PartCollector.ReceivedFile, purpose: FileType.Purpose?) throws -> StoredUpload {
        let name = StoredUpload.displayName(part.name)
        guard let purpose else { throw DeskError.badForm }
        guard let type = Self.type(of: part.url, name: name, purpose: purpose) else {
            throw DeskError.unsupportedFile(name: name, expected: purpose)
        }
        let upload = StoredUpload(sha256: part.sha256, type: type, name: name, size: part.size)
        let target = upload.url(in: folder)
        if FileManager.default.fileExists(atPath: target.path) { return upload }
        chmod(part.url.path, 0o400)
        guard rename(part.url.path, target.path) == 0 else {
            throw DeskError.dataFolder(path: target.path, reason: String(cString: strerror(errno)))
        }
        return upload
    }

    /// The reader a file goes to: the one its name's extension says, when the form takes that type (as the
    /// command line chooses; the reader checks the content and refuses what is not that format with the
    /// command line's message), else the one its content says, when the form takes that; nil otherwise.
    static func type(of file: URL, name: String, purpose: FileType.Purpose) -> FileType? {
        let ext = (name as NSString).pathExtension.lowercased()
        if let named = purpose.types.first(where: { $0.rawValue == ext || ($0 == .yaml && ext == "yml") }) {
            return named
        }
        guard let sniffed = FileSniffer.type(of: file, nameHint: name) else { return nil }
        return purpose.types.contains(sniffed) ? sniffed : nil
    }

    /// The boundary of a `multipart/form-data` content type.
    static func boundary(_ contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() where part.lowercased().hasPrefix("boundary=") {
            let value = part.dropFirst("boundary=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty || value.count > 200 ? nil : value
        }
        return nil
    }
}
