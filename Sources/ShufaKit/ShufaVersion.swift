/// shufa's version, as `shufa --version` prints it.
public enum ShufaVersion {
    public static let current = "0.12.0"
}
