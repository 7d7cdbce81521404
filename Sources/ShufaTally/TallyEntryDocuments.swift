import Crypto
import Foundation
import ShufaKit

/// `shufa build --kinds tally`: the entry workbook (测评录入表) of a roster, as .xlsx and .ods, in
/// `OUT/tally/`, listed in `summary.json` with kind `tally`.
public struct TallyEntryDocuments: RosterDocumentWriter {
    public let templates: URL
    public var kind: DocumentKind { .tally }

    /// The file name of the entry workbook, without extension.
    public static let stem = "测评录入表"

    /// - Parameter templates: the templates folder, whose `catalog.yaml` has the `tally` section.
    public init(templates: URL) { self.templates = templates }

    public func write(_ roster: Roster, catalog: Catalog, into folder: OutputFolder) throws -> [BuildSummary.Document] {
        let rules = try TallyRules.load(from: templates.appendingPathComponent("catalog.yaml"), catalog: catalog)
        let model = EntryWorkbook(rules: rules).model(roster)
        let files: [(String, [UInt8])] = [
            ("xlsx", try XLSXWorkbookWriter().bytes(model)), ("ods", ODSWorkbookWriter().bytes(model)),
        ]
        return try files.map { ext, bytes in
            let path = "\(DocumentKind.tally.rawValue)/\(Self.stem).\(ext)"
            try folder.write(bytes, to: path)
            return BuildSummary.Document(
                leader: nil, unit: roster.organization, kind: .tally, path: path, sha256: Digest.hex(bytes))
        }
    }
}

/// SHA-256 in hex, as summary.json lists files.
enum Digest {
    static func hex(_ bytes: [UInt8]) -> String { SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined() }
}
