/// The file formats shufa writes.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// ODF Flat XML, one XML file.
    case fodt
    /// ODF package, a ZIP archive.
    case odt

    public var fileExtension: String { rawValue }
}
