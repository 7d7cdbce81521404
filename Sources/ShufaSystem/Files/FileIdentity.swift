import Foundation

/// A file's identity on this machine: device, inode, size, modification and change times (nanoseconds). A file
/// replaced, rebuilt or written to gets another identity (its change time moves, and cannot be set back).
public enum FileIdentity {
    public static func of(_ path: String) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else { return "unknown" }
        return "\(status.st_dev):\(status.st_ino):\(status.st_size)"
            + ":\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec):\(status.st_ctim.tv_sec).\(status.st_ctim.tv_nsec)"
    }
}
