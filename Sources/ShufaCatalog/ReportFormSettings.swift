/// Which report forms are acceptable where the catalog is used, and the length band of a report that
/// is wholly 述法 (`reportForms` in catalog.yaml). Seed 004 四: 述法 is 列入领导干部个人年度述职报告，
/// 单独列项、整体表述 — only the combined form, unless a clerk's catalog says otherwise.
public struct ReportFormSettings: Sendable, Equatable, Codable {
    /// The acceptable forms (`combined`, `law-only`).
    public var accepted: [ReportForm]
    /// Length limits of a law-only report, over its whole text.
    public var lawOnlyLength: LawLength

    /// Seed 004's rule: a combined report only; a law-only report of 1,500–5,000 characters.
    public static let seed004 = ReportFormSettings(
        accepted: [.combined],
        lawOnlyLength: LawLength(target: 3000, fineMin: 1500, fineMax: 5000, errorMin: 500, errorMax: 8000))

    public init(accepted: [ReportForm], lawOnlyLength: LawLength) {
        self.accepted = accepted
        self.lawOnlyLength = lawOnlyLength
    }

    enum CodingKeys: String, CodingKey { case accepted, lawOnlyLength }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        accepted = try container.decodeIfPresent([ReportForm].self, forKey: .accepted) ?? Self.seed004.accepted
        let length = try container.decodeIfPresent(LawLength.self, forKey: .lawOnlyLength)
        lawOnlyLength = length ?? Self.seed004.lawOnlyLength
    }
}
