import Foundation
import ShufaKit

/// A roster uploaded by a clerk: read as `shufa build` reads it, its bad rows listed, kept as the roster in
/// use.
struct RosterIntake {
    let desk: Desk

    func receive(_ upload: StoredUpload, account: Account) async throws -> RosterRecord {
        let folder = desk.folder
        let scratch = try folder.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let copy = try upload.namedCopy(in: folder, scratch: scratch)
        let catalog = desk.catalog
        let roster = try await Blocking.run { () throws -> Roster in
            do throws(RosterError) { return try RosterReader(catalog: catalog).read(copy) } catch {
                throw DeskError.roster(OutputMessages.text(.roster(error)))
            }
        }
        let record = RosterRecord(
            upload: upload, organization: roster.organization, year: roster.year,
            leaders: roster.leaders.map(LeaderEntry.init), problems: roster.problems.map(ProblemRow.init),
            by: account.name, at: DeskClock.now())
        try desk.state.setRoster(record)
        desk.journal.record(
            account: account.name, action: "roster",
            detail: "上传名单 \(upload.name)：\(record.leaders.count) 人，\(record.errors) 处错误", sha256: upload.sha256)
        return record
    }
}
