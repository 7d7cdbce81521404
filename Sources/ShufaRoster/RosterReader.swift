import Foundation
import ShufaSystem
import ShufaText
import Yams

/// Reads a roster file (JSON or YAML in the shape of the roster contract, or a table: CSV, TSV, ODS,
/// FODS, XLSX) and checks every record against the catalog's roles (`RosterVocabulary`). A bad record is
/// reported and left out; the others are kept. A file that cannot be read at all is a `RosterError`.
public struct RosterReader: Sendable {
    /// The roles and indicators records are checked against.
    public let vocabulary: RosterVocabulary
    public let options: RosterReadOptions

    /// The longest text accepted in a long field (述职内容, 述法内容, …), in Unicode scalars.
    public static let maximumTextLength = 20_000
    /// The longest text accepted in a short field (编号, 姓名, 单位, 职务, 类别, 组织), in Unicode scalars
    /// (a character may be a letter with many accents: the scalars are what takes room).
    public static let maximumShortTextLength = 500
    /// The largest indicator value accepted: no count or hours of a year comes near it.
    public static let maximumIndicator = 1_000_000.0

    public init(vocabulary: RosterVocabulary, options: RosterReadOptions = RosterReadOptions()) {
        self.vocabulary = vocabulary
        self.options = options
    }

    /// The largest roster file read.
    public static let maximumFileBytes = 512 << 20

    /// Reads the roster at `url`; its extension says the format. Only a regular file is read (not a folder,
    /// a FIFO or a device), and only up to `maximumFileBytes`.
    public func read(_ url: URL) throws(RosterError) -> Roster {
        let data: Data
        do { data = try RegularFile.read(url, limit: Self.maximumFileBytes) } catch {
            throw RosterError(file: url.lastPathComponent, .file(error))
        }
        return try read(data, file: url.lastPathComponent)
    }

    /// Opens the roster at `url` to be read a piece at a time (`RosterSource`). A UTF-8 CSV or TSV file is
    /// streamed from disk (`StreamedTable`), never held whole; other files are read whole (they are bounded:
    /// spreadsheets by their cell limits, JSON and YAML as documents).
    ///
    /// `prefetched`: the same file already read and parsed on another thread (`RosterPrefetch`); the records are
    /// checked as when it is read here, with the same errors in the same order.
    public func open(_ url: URL, prefetched: RosterPrefetch? = nil) throws(RosterError) -> any RosterSource {
        if let prefetched, prefetched.url == url, let (file, parsed) = prefetched.take() {
            return ListedRoster(try read(file.get(), file: url.lastPathComponent, parsed: parsed))
        }
        if let format = RosterFormat(pathExtension: url.pathExtension), format.isText,
           let streamed = try StreamedTable.open(url, reader: self, format: format) {
            return streamed
        }
        return ListedRoster(try read(url))
    }

    /// Reads a roster held in memory; `file` names it in messages and its extension says the format.
    public func read(_ data: Data, file: String) throws(RosterError) -> Roster {
        try read(data, file: file, parsed: nil)
    }

    /// `read(_:file:)`, with the JSON or YAML document of `data` when it was parsed already (`RosterPrefetch`). A
    /// parsed document is freed on another thread once its records are read.
    private func read(
        _ data: Data, file: String, parsed: Result<[String: Any], RosterError>?
    ) throws(RosterError) -> Roster {
        let ext = (file as NSString).pathExtension
        guard let format = RosterFormat(pathExtension: ext) else {
            throw RosterError(file: file, .unknownFormat(ext))
        }
        try checkOptions(for: format, file: file)
        guard !data.isEmpty else { throw RosterError(file: file, .empty) }
        guard format.isTable else {
            let document = try (parsed ?? Result { () throws(RosterError) in
                try Self.parse(data, file: file, format: format)
            }).get()
            let roster = try records(from: document, file: file)
            BackgroundRelease.release(consume document)
            return roster
        }
        return try TableRoster(vocabulary: vocabulary, file: file).roster(from: grid(data, file: file, format: format))
    }

    private func checkOptions(for format: RosterFormat, file: String) throws(RosterError) {
        if options.encoding != nil && !format.isText {
            throw RosterError(file: file, .encodingNotApplicable(format))
        }
        if options.sheet != nil && !format.isTable || options.sheet != nil && format.isText {
            throw RosterError(file: file, .sheetNotApplicable(format))
        }
    }

    /// The cells of a table file.
    private func grid(_ data: Data, file: String, format: RosterFormat) throws(RosterError) -> CellGrid {
        switch format {
        case .csv, .tsv:
            let reader = CSVReader(delimiter: UInt8(ascii: format == .csv ? "," : "\t"), file: file)
            return try reader.grid(Array(data), encoding: options.encoding)
        case .ods, .fods: return try ODSReader(file: file, sheet: options.sheet).grid(data)
        case .xlsx: return try XLSXReader(file: file, sheet: options.sheet).grid(data)
        case .json, .yaml: preconditionFailure("not a table format")
        }
    }

    static func parse(_ data: Data, file: String, format: RosterFormat) throws(RosterError) -> [String: Any] {
        let object: Any?
        if format == .json {
            object = try parseJSON(data, file: file)
        } else {
            guard let text = String(data: data, encoding: .utf8) else { throw RosterError(file: file, .notUTF8YAML) }
            do {
                try YAMLGuard.check(text)
                object = try Yams.load(yaml: text)
            } catch {
                throw RosterError(file: file, YAMLGuard.fault(error))
            }
        }
        guard let top = object as? [String: Any] else {
            throw RosterError(file: file, .notRosterObject)
        }
        return top
    }

    /// A JSON document checked by `JSONGuard`, then built by `JSONBuilder` (a long array of the top-level object,
    /// a roster's leaders, in two halves on two cores).
    private static func parseJSON(_ data: Data, file: String) throws(RosterError) -> Any {
        let built = data.withUnsafeBytes { raw -> Result<Any, RosterFault> in
            let bytes = raw.bindMemory(to: UInt8.self)
            return Result { () throws(RosterFault) in
                try JSONBuilder.document(bytes, arrays: try JSONGuard.check(bytes))
            }
        }
        do throws(RosterFault) { return try built.get() } catch { throw RosterError(file: file, error) }
    }

    /// Checks the roster-level fields and every leader record of a JSON or YAML roster.
    func records(from top: [String: Any], file: String) throws(RosterError) -> Roster {
        if let same = FieldNames.sameField(top).first { throw RosterError(file: file, .sameField(same)) }
        let fields = FieldNames.normalized(top)
        guard let year = Self.year(fields["year"]), Self.years.contains(year) else {
            throw RosterError(file: file, .noYear(years: Self.years))
        }
        guard let list = fields["leaders"] as? [Any] else {
            throw RosterError(file: file, .noLeaderList)
        }
        let organization = Self.text(fields["organization"]) ?? ""
        var validator = RecordValidator(vocabulary: vocabulary, year: year, organization: organization)
        validator.add(contentsOf: list, at: list.indices.map { RecordLocation(file: file, row: $0 + 1) })
        return Roster(organization: organization, year: year, leaders: validator.leaders, problems: validator.problems)
    }

    /// The years a roster may be for.
    static let years = 1990...2200

    /// A year as written in a record or cell: a number, or digits followed by 年 or 年度 ("2025年").
    static func year(_ value: Any?) -> Int? {
        guard let text = value as? String else { return integer(value) }
        var digits = Substring(text.trimmingSpaces)
        for suffix in ["年度", "年"] where digits.hasSuffix(suffix) { digits = digits.dropLast(suffix.count); break }
        return Int(digits)
    }

    static func integer(_ value: Any?) -> Int? {
        if let number = numeric(value) { return Int(exactly: number) }
        if let text = value as? String { return Int(text.trimmingSpaces) }
        return nil
    }

    /// A text, or a number as the file wrote it (an integer of any size exactly); nil for anything else and
    /// for a number that cannot be written exactly (see `RosterNumber.text`).
    static func text(_ value: Any?) -> String? {
        switch value {
        case let text as String: return text
        default:
            guard numeric(value) != nil, let number = value as? NSNumber else { return nil }
            return RosterNumber.text(number)
        }
    }

    /// A number, but not a boolean (JSON's true is no count).
    static func numeric(_ value: Any?) -> Double? {
        guard let value, type(of: value) != Bool.self, let number = value as? NSNumber else { return nil }
        return number.doubleValue
    }
}
