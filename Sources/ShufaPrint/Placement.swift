import Foundation

/// Where the pages of a converted document are: a range of pages of one converted PDF.
struct Placement: Sendable {
    var pdf: Int
    var pages: Range<Int>
}
