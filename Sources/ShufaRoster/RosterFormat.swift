/// The kinds of roster file shufa reads, told apart by the file's extension.
public enum RosterFormat: String, Sendable, CaseIterable {
    case json, yaml, csv, tsv, ods, fods, xlsx

    /// The format of a file with this extension (case-insensitive; `.yml` is YAML).
    public init?(pathExtension: String) {
        let ext = pathExtension.lowercased()
        self.init(rawValue: ext == "yml" ? "yaml" : ext)
    }

    /// True for the formats read as a table: a header row, then one row per leader.
    public var isTable: Bool { ![.json, .yaml].contains(self) }

    /// True for delimited text, whose encoding `--encoding` may name.
    public var isText: Bool { self == .csv || self == .tsv }

    static let supportedList = ".json、.yaml、.yml、.csv、.tsv、.ods、.fods 或 .xlsx"
}
