import Foundation

/// What one upload may be.
public struct UploadLimits: Sendable {
    /// The largest request body accepted, in bytes.
    public var bytes: Int
    /// Files in one upload.
    public var files: Int

    public init(bytes: Int = 32 << 20, files: Int = 1) {
        self.bytes = bytes
        self.files = files
    }
}
