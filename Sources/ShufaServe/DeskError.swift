import HTTPTypes
import ShufaArchive

/// Everything the desk refuses or cannot do, with its context; rendered to Chinese in `DeskMessages`.
public enum DeskError: Error, Sendable {
    // Accounts
    case badAccountName(String)
    case passwordTooShort(Int)
    case passwordTooLong
    /// The password typed twice on a terminal (`shufa user add`) differs.
    case passwordsDiffer
    case leaderMissing
    case leaderForOtherRole(AccountRole)
    case unknownRole(String)
    case accountExists(String)
    case accountsUnreadable(path: String, reason: String)
    // Signing in and rights
    case notSignedIn
    case badLogin
    case forbidden(AccountRole)
    case csrf
    case notFound
    // Uploads
    case notMultipart
    case tooLarge(limit: Int)
    case tooManyFiles(limit: Int)
    case noFile
    case unsupportedFile(name: String, expected: FileType.Purpose)
    case badForm
    // The work
    case dataFolder(path: String, reason: String)
    case setup(String)
    case noRoster
    case noBatch
    case jobRunning
    case roster(String)
    case build(String)
    case unreadableDocument(String)
    case notYours(file: String, owner: String, own: String)
    case unknownLeader(String)
    case tally(String)
    case archive(ArchiveError)
    case badYear(String)

    /// The HTTP status the refusal is answered with.
    var status: HTTPResponse.Status {
        switch self {
        case .notSignedIn: return .seeOther
        case .badLogin: return .unauthorized
        case .forbidden, .csrf: return .forbidden
        case .notFound, .unknownLeader: return .notFound
        case .tooLarge: return .contentTooLarge
        case .notMultipart, .unsupportedFile: return .unsupportedMediaType
        case .jobRunning, .accountExists: return .conflict
        case .dataFolder, .setup, .accountsUnreadable: return .internalServerError
        default: return .unprocessableContent
        }
    }
}

extension DeskError {
    /// `error` as a DeskError: itself, or the library's message as a build failure.
    static func wrap(_ error: any Error) -> DeskError {
        if let error = error as? DeskError { return error }
        return .build("\(error)")
    }
}
