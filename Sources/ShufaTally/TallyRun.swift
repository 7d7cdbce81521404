import Foundation
import ShufaKit

/// What `shufa tally` is asked to do.
public struct TallyRequest: Sendable {
    /// The filled entry workbook or the ballot file (.xlsx, .ods, .fods, .csv, .tsv).
    public var input: URL
    /// The roster; needed for ballot files, optional for the entry workbook (it then checks the 编号).
    public var roster: URL?
    public var templates: URL
    public var output: URL
    /// The sheet of the input to read; the first when nil.
    public var sheet: String?

    public init(input: URL, roster: URL? = nil, templates: URL, output: URL, sheet: String? = nil) {
        self.input = input
        self.roster = roster
        self.templates = templates
        self.output = output
        self.sheet = sheet
    }
}

/// `shufa tally`: reads the catalog's rules, the roster and the input, tallies, and writes the outputs
/// (templates compiled before anything is read or written, so a broken template writes nothing).
public struct TallyRun: Sendable {
    public let request: TallyRequest

    public init(_ request: TallyRequest) { self.request = request }

    public func run() throws(TallyError) -> TallyReport {
        let catalog: Catalog
        do { catalog = try Catalog.load(from: request.templates.appendingPathComponent("catalog.yaml")) } catch {
            throw .catalogUnreadable(error.description)
        }
        let rules = try TallyRules.load(
            from: request.templates.appendingPathComponent("catalog.yaml"), catalog: catalog)
        let templates = try TallyTemplates(rules: rules, directory: request.templates)
        let roster = try request.roster.map { (url: URL) throws(TallyError) -> Roster in
            do { return try RosterReader(catalog: catalog).read(url) } catch { throw .roster("\(error)") }
        }
        let input = try TallyInputReader(rules: rules, roster: roster, sheet: request.sheet).read(request.input)
        let result = TallyCalculator(rules: rules).tally(input, file: request.input.lastPathComponent)
        let documents = try TallyOutputs(rules: rules, templates: templates, output: request.output).write(result)
        let report = TallyReport(result: result, rules: rules, documents: documents)
        try TallyOutputs.writeJSON(report, to: request.output)
        return report
    }
}
