import Foundation
import ShufaOutput

/// One document to print, in print order.
struct PrintItem: Sendable {
    var document: BuildSummary.Document
    /// The batch's folder, which `document.path` is relative to.
    var build: URL
    /// The PDF's path relative to the output folder: `<kind>/<built name>.pdf`.
    var path: String
}
