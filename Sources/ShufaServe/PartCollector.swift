import Crypto
import Foundation
import Hummingbird
import MultipartKit

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

    /// Keeps a part's header; one longer than a text field (a file name of megabytes) refuses the form, since
    /// every piece of the part's body would parse it again.
    func header(_ name: String, _ value: String) {
        guard value.utf8.count <= UploadReceiver.fieldLimit else {
            error = error ?? .badForm
            return
        }
        headers[name.lowercased()] = value
    }

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
