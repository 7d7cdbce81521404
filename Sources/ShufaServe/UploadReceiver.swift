import Crypto
import Foundation
import Hummingbird
import MultipartKit

/// One form received: its text fields and at most `limits.files` files, each stored by content.
struct Upload: Sendable {
    var fields: [String: String]
    var files: [StoredUpload]

    /// The one file of the form.
    func file() throws(DeskError) -> StoredUpload {
        guard let file = files.first else { throw .noFile }
        return file
    }
}

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

/// Collects the parts the multipart parser finds (its callbacks are synchronous, on one task).
final class PartCollector: @unchecked Sendable {
    struct ReceivedFile {
        var url: URL
        var name: String
        var size: Int
        var sha256: String
    }

    private let scratch: URL
    private let maximumFiles: Int
    private(set) var fields: [String: String] = [:]
    private(set) var files: [ReceivedFile] = []
    private(set) var error: DeskError?

    private var headers: [String: String] = [:]
    private var fieldBytes: [UInt8] = []
    private var output: FileHandle?
    private var current: ReceivedFile?
    private var hasher = SHA256()

    init(scratch: URL, files: Int) {
        self.scratch = scratch
        self.maximumFiles = files
    }

    func header(_ name: String, _ value: String) { headers[name.lowercased()] = value }

    func body(_ buffer: inout ByteBuffer) {
        guard error == nil else { return }
        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        let disposition = ContentDisposition(headers["content-disposition"] ?? "")
        if let filename = disposition.filename {
            guard current != nil || begin(filename) else { return }
            current!.size += bytes.count
            hasher.update(data: bytes)
            output?.write(Data(bytes))
        } else {
            fieldBytes += bytes
            if fieldBytes.count > UploadReceiver.fieldLimit { error = .badForm }
        }
    }

    func complete() {
        defer {
            headers = [:]
            fieldBytes = []
            current = nil
            hasher = SHA256()
        }
        let disposition = ContentDisposition(headers["content-disposition"] ?? "")
        if let filename = disposition.filename, current == nil, !filename.isEmpty, error == nil {
            _ = begin(filename)  // an empty file: no body at all
        }
        if disposition.filename != nil {
            try? output?.close()
            output = nil
            guard var file = current else { return }  // a file input left empty
            file.sha256 = ContentDigest.text(hasher.finalize())
            files.append(file)
        } else if let name = disposition.name {
            fields[name] = String(decoding: fieldBytes, as: UTF8.self)
        }
    }

    /// Opens the scratch file of a new file part; false (with the error set) past the file limit.
    private func begin(_ filename: String) -> Bool {
        guard files.count < maximumFiles else {
            error = .tooManyFiles(limit: maximumFiles)
            return false
        }
        let url = scratch.appendingPathComponent("part-\(files.count)")
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = try? FileHandle(forWritingTo: url)
        else {
            error = .dataFolder(path: url.path, reason: "无法建立临时文件")
            return false
        }
        output = handle
        current = ReceivedFile(url: url, name: filename, size: 0, sha256: "")
        return true
    }
}

/// The `name` and `filename` of a part's Content-Disposition header.
struct ContentDisposition {
    var name: String?
    var filename: String?

    init(_ header: String) {
        for item in Self.parameters(header) {
            switch item.key.lowercased() {
            case "name": name = item.value
            case "filename": filename = item.value
            default: break
            }
        }
    }

    /// `key="value"` pairs after the first `;`, quotes removed (a quoted value may hold `;`).
    private static func parameters(_ header: String) -> [(key: String, value: String)] {
        var result: [(String, String)] = []
        var rest = Substring(header)
        guard let first = rest.firstIndex(of: ";") else { return [] }
        rest = rest[rest.index(after: first)...]
        while let equals = rest.firstIndex(of: "=") {
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces)
            rest = rest[rest.index(after: equals)...].drop(while: { $0 == " " })
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var escaped = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if escaped {
                        value.append(character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        break
                    } else {
                        value.append(character)
                    }
                }
                rest = rest.drop(while: { $0 != ";" })
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                value = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
            rest = rest.drop(while: { $0 == ";" || $0 == " " })
            result.append((key, value))
        }
        return result
    }
}
