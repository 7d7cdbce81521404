import Foundation
import Synchronization

/// Gives an unnamed file (`O_TMPFILE`) its name in a folder: by its descriptor (`AT_EMPTY_PATH`), which Linux
/// allows without privilege since 6.10 for a file the process opened itself, or else through `/proc/self/fd`,
/// which every Linux allows but which costs a path lookup through `/proc` per file.
struct UnnamedLink {
    let descriptor: Int32
    let folder: Int32
    /// Try the descriptor first (false: `/proc` only).
    let byDescriptor: Bool

    /// `AT_EMPTY_PATH` (Glibc's module map does not export it).
    private static let emptyPath: Int32 = 0x1000
    /// False once the kernel refused a link by descriptor: every later file goes through `/proc` at once.
    private static let descriptorRefused = Atomic<Bool>(false)

    /// Links the file as `name`; false with `errno` set when it could not.
    func name(_ name: String) -> Bool {
        if byDescriptor && !Self.descriptorRefused.load(ordering: .relaxed) {
            if linkat(descriptor, "", folder, name, Self.emptyPath) == 0 { return true }
            guard [ENOENT, EPERM, EINVAL].contains(errno) else { return false }
            Self.descriptorRefused.store(true, ordering: .relaxed)
        }
        return linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", folder, name, AT_SYMLINK_FOLLOW) == 0
    }
}
