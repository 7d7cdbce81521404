import Foundation

/// A file handed to LibreOffice: several documents combined into one, or one document as built.
struct ConversionUnit: Sendable {
    enum Mode: Sendable {
        /// Documents joined by `ODFCombiner`; pages found through named destinations (read by qpdf).
        case combined
        /// One document that cannot be combined, converted with others in one process.
        case batched
        /// One document retried in a LibreOffice process of its own.
        case alone
    }

    var items: [Int]
    var mode: Mode
}
