/// How to read a roster beyond what its extension says.
public struct RosterReadOptions: Sendable, Equatable {
    /// The encoding of a .csv or .tsv file; nil detects UTF-8 (with or without BOM), UTF-16 with BOM,
    /// or GB18030/GBK.
    public var encoding: TextEncoding?
    /// The sheet of an .xlsx, .ods or .fods file to read; nil reads the first.
    public var sheet: String?

    public init(encoding: TextEncoding? = nil, sheet: String? = nil) {
        self.encoding = encoding
        self.sheet = sheet
    }
}
