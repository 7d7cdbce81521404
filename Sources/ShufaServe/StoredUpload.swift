import Foundation
import ShufaKit

/// A file received from a browser, kept under its content: `uploads/<sha256>.<ext>`. The name the browser
/// sent is data only (shown to people, used in messages), never a path.
struct StoredUpload: Sendable, Codable, Equatable {
    var sha256: String
    var type: FileType
    /// The name the browser sent, without folders or control characters.
    var name: String
    var size: Int

    /// Where it is kept in the data folder.
    func url(in folder: DataFolder) -> URL {
        folder.uploads.appendingPathComponent("\(sha256).\(type.fileExtension)")
    }

    /// A link to it named after the browser's name (made safe, with the extension its content has) in the
    /// private folder `scratch`, so that the library's messages name the file the clerk chose.
    func namedCopy(in folder: DataFolder, scratch: URL) throws(DeskError) -> URL {
        let stem = OutputFiles.safeName((name as NSString).deletingPathExtension)
        let copy = scratch.appendingPathComponent("\(stem.isEmpty ? "上传文件" : stem).\(type.fileExtension)")
        guard link(url(in: folder).path, copy.path) == 0 else {
            throw .dataFolder(path: copy.path, reason: String(cString: strerror(errno)))
        }
        return copy
    }

    /// The browser's file name reduced to its last component, without control characters, at most 120
    /// characters.
    static func displayName(_ sent: String) -> String {
        let last = sent.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(
            last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.map(Character.init))
        return String(clean.trimmingCharacters(in: .whitespaces).prefix(120))
    }
}
