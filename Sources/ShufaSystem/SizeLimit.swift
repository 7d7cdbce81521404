/// A size limit as a message says it: in MiB, or in KiB when under one MiB (a form's text: 64 KiB), so that a
/// small limit never reads 「0 MiB」.
public enum SizeLimit {
    public static func text(_ bytes: Int) -> String { bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes >> 10) KiB" }
}
