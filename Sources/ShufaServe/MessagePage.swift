import Foundation
import Hummingbird
import Mustache

/// A page that only says something (a refusal, an error).
struct MessagePage {
    var frame: PageFrame
    var message: String
}
