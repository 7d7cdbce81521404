import Foundation

/// A new folder in the system's temporary folder that only this user can open (mode 0700, made by
/// `mkdtemp`), for files nobody else should read: documents being converted, LibreOffice's profile.
/// The owner removes it when done (`remove`), whatever happened in between.
public struct PrivateFolder: Sendable {
    public let url: URL

    /// Creates the folder, named `<prefix>-<random>`.
    public init(prefix: String) throws(OutputError) {
        let template = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-XXXXXX").path
        var path = Array(template.utf8CString)
        let made = path.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard let made else { throw .system(errno, path: template) }
        url = URL(fileURLWithPath: String(cString: made), isDirectory: true)
    }

    /// Removes the folder and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
