import Foundation
import GRDB

/// Why an archive command could not do what it was asked. Rendered in Chinese by `ArchiveMessages`.
public enum ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder holds no archive (no `index.sqlite`).
    case noArchive(path: String)
    /// A file or folder of the archive could not be made, read or written.
    case file(FileFailure)
    /// The index database failed.
    case database(path: String, failure: DatabaseFailure)
    /// The SQLite shufa is linked with lacks FTS5 or its trigram tokenizer (its version).
    case unsupportedSQLite(version: String)
    /// The index was made by a newer shufa (its schema version).
    case newerArchive(version: Int)
    /// `review LEADER`: no leader of that id or name (in that year).
    case unknownLeader(query: String, year: Int?)
    /// `review LEADER`: the name fits several leaders (their descriptions).
    case ambiguousLeader(query: String, candidates: [String])
    /// `review --to`: not one of the states.
    case unknownState(String)
    /// `review`: the step is not allowed (why).
    case refused(ReviewRefusal)
    /// `--override` was given an empty reason.
    case emptyOverrideReason
    /// `status` or `export`: the archive holds nothing for that year (nil: nothing at all).
    case nothingArchived(year: Int?)
    /// `export`: a stored file no longer has its content (its description); run `verify`.
    case damagedFile(String)
    /// `find`: nothing to search for.
    case emptyQuery
    /// `add`: no input given.
    case noInputs
    /// `add --leader`: given with more than one input, or with a folder.
    case leaderForSeveral
    /// `review --to`: no `--by`.
    case noReviewer

    public var description: String { ArchiveMessages.text(self) }

    /// Wraps a GRDB error for the index at `path`.
    static func database(_ error: Error, path: URL) -> ArchiveError {
        if let archive = error as? ArchiveError { return archive }
        return .database(path: path.path, failure: DatabaseFailure(error))
    }
}

/// What a command says while it waits.
public enum ArchiveNotice: Sendable, CustomStringConvertible {
    /// `add` waits for another `add`.
    case waitingToAdd
    /// `verify` waits for an `add`.
    case waitingToVerify
    /// The index was made by an older shufa and is brought up to date (once).
    case upgradingIndex

    public var description: String { ArchiveMessages.text(self) }
}

/// An SQLite error: its primary result code and SQLite's own words.
public struct DatabaseFailure: Sendable, Equatable {
    public var code: Int32
    public var detail: String

    init(_ error: Error) {
        if let error = error as? DatabaseError {
            code = error.resultCode.primaryResultCode.rawValue
            detail = error.message ?? ""
        } else {
            code = -1
            detail = "\(error)"
        }
    }
}

/// Something wrong with one input of `archive add`: that input (or file) is left out, the rest is
/// archived. Notes (`isError == false`) leave nothing out.
public enum AddProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or folder cannot be read.
    case unreadable(FileFailure)
    /// Not a build folder, print folder, returned report or tally result.
    case unrecognised(file: String)
    /// A PDF given alone: without its print.json it cannot be told whose it is.
    case loosePDF(file: String)
    /// A summary.json, print.json or tally JSON that cannot be decoded (why).
    case badListing(file: String, reason: String)
    /// A listing names a path outside its folder.
    case unsafePath(listing: String, path: String)
    /// A listing names a file that is not there.
    case missingFile(listing: String, path: String)
    /// A file's content differs from the SHA-256 its listing gives.
    case changedSinceListed(listing: String, path: String)
    /// The year of a document cannot be known (no 年度 property, no --year).
    case noYear(file: String)
    /// The leader of a returned report cannot be known (no 编号 property, no --leader).
    case noLeader(file: String)
    /// print.json says PDF/A but the file carries no PDF/A identification.
    case pdfaMissing(file: String)
    /// A returned document cannot be read as ODF (why).
    case unreadableDocument(file: String, reason: String)
    /// A file could not be copied into the store.
    case storeFailed(FileFailure)
    /// A file changed while it was being archived.
    case changedWhileStoring(file: String)
    /// Note: a tally names a leader the archive does not know for that year.
    case unknownTallyLeader(file: String, leader: String)
    /// Note: a report came back after the leader's report was 报送; archived, the trail left as it is.
    case returnedAfterSubmission(file: String, leader: String)
    /// Note: files left by an interrupted `add` were cleared before this one.
    case recovered(files: Int)

    /// False for notes, which leave nothing out.
    public var isError: Bool {
        switch self {
        case .unknownTallyLeader, .returnedAfterSubmission, .recovered: return false
        default: return true
        }
    }

    public var description: String { ArchiveMessages.text(self) }
}

/// Why `review` refuses a step (seed 004 四（一）). Some may be overridden with `--override REASON`.
public enum ReviewRefusal: Sendable, Equatable, CustomStringConvertible {
    /// The step cannot follow the current state.
    case order(from: ReviewState?, to: ReviewState)
    /// 审定 asked for a 班子成员's report (which the 主要负责人 审核).
    case approvalOfMember(leader: String)
    /// 审核 asked for a 主要负责人's report (which the 党委（党组） 审定).
    case reviewOfPrincipal(leader: String)
    /// The leader's 述法主体类别 is not known, so neither 审核 nor 审定 can be told apart.
    case unknownRole(leader: String)
    /// 审定 by someone who is not a 党委（党组）.
    case approverNotParty(by: String)
    /// 审核 by a known leader who is not a 主要负责人 of the leader's unit (their unit and role).
    case reviewerNotPrincipal(by: String, role: String, theirUnit: String, unit: String)
    /// A leader reviewing their own report.
    case ownReport(by: String)
    /// 审核 by someone the archive does not know as a 主要负责人 of the unit (those it knows).
    case reviewerUnknown(by: String, unit: String, principals: [String])
    /// The report under review has check errors (how many, which file).
    case checkErrors(count: Int, file: String)
    /// No report of the leader is in the archive.
    case noReport(leader: String)

    /// True when `--override REASON` lets the step through (the reason is kept in the trail).
    public var overridable: Bool {
        switch self {
        case .checkErrors, .noReport, .reviewerUnknown: return true
        default: return false
        }
    }

    public var description: String { ArchiveMessages.text(self) }
}

/// What `verify` found wrong: each names the file.
public enum VerifyProblem: Sendable, Equatable, CustomStringConvertible {
    /// An indexed file is not in the store.
    case missing(StoredFile)
    /// A stored file's content no longer matches its SHA-256 (what it hashes to now).
    case damaged(StoredFile, actual: String)
    /// A file in the store that the index does not list (path relative to the archive).
    case unindexed(path: String)
    /// Something in the store that is not a stored file: another name, a link, a folder.
    case stray(path: String)
    /// A PDF recorded as PDF/A has lost its PDF/A identification.
    case pdfaMissing(StoredFile)
    /// The trail's hash chain breaks at this entry: an entry was changed or removed.
    case trailBroken(entry: Int64)
    /// The triggers that keep the trail append-only are gone.
    case trailUnprotected
    /// SQLite's own check of the index file failed (its words).
    case indexDamaged(String)

    public var description: String { ArchiveMessages.text(self) }
}

/// A stored file as `verify` and `export` name it: its digest, where it is, and the documents it holds.
public struct StoredFile: Sendable, Equatable {
    public var sha256: String
    /// The path relative to the archive folder.
    public var path: String
    /// The documents it holds, as a clerk reads them (年度, 单位, 姓名, 文书, 原文件名).
    public var documents: [String]
}
