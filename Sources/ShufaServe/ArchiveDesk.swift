import Foundation
import ShufaArchive

/// The archive as the desk uses it, through the library's public API as `shufa review`, `shufa status`
/// and `shufa archive find|export` do.
struct ArchiveDesk {
    let desk: Desk

    /// Where a leader's report stands (the last step of the trail), or 未归档.
    func state(of id: String, year: Int) -> String {
        guard let trail = try? TrailReader(archive: desk.archive).trail(of: id, year: year) else { return "未归档" }
        return trail.entries.last?.state.chineseName ?? "尚无记录"
    }

    func trail(of id: String, year: Int?) throws(DeskError) -> LeaderTrail {
        do { return try TrailReader(archive: desk.archive).trail(of: id, year: year) } catch { throw .archive(error) }
    }

    /// Records the step a form asks for (`to`, `by`, `note`, `override`), when it is one of `allowed`.
    func record(_ fields: [String: String], leader id: String, allowed: Set<ReviewState>, by signed: Signed)
        async throws
    {
        guard let target = ReviewState(named: fields["to"] ?? ""), allowed.contains(target) else {
            throw DeskError.badForm
        }
        let by = (fields["by"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !by.isEmpty else { throw DeskError.archive(.noReviewer) }
        let reason = (fields["override"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let request = ReviewRequest(
            leader: id, year: desk.state.roster?.year, target: target, by: by, note: fields["note"] ?? "",
            override: reason.isEmpty ? nil : reason, account: signed.account.name)
        let archive = desk.archive
        let outcome = try await Blocking.run { () throws -> ReviewOutcome in
            do throws(ArchiveError) { return try Reviewer(archive: archive).record(request) } catch {
                throw DeskError.archive(error)
            }
        }
        desk.journal.record(
            account: signed.account.name, action: "review",
            detail: "\(outcome.leader.label)：\(target.chineseName)（\(by)）", sha256: outcome.entry.report)
    }
}
