import Crypto
import Foundation
import Hummingbird
import MultipartKit

/// One form received: its text fields and at most `limits.files` files, each stored by content.
struct Upload: Sendable {
    var fields: [String: String]
    var files: [StoredUpload]

    /// The one file of the form.
    func file() throws(DeskError) -> StoredUpload {
        guard let file = files.first else { throw .noFile }
        return file
    }
}
