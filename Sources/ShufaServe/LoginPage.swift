import Foundation
import Hummingbird
import HummingbirdAuth

/// The sign-in page.
struct LoginPage {
    var frame: PageFrame
    var token: String
    var name: String
    var error: String
    var hasError: Bool
}
