import ShufaKit

/// A finding of the checks, with the paragraph it points at when it names one.
struct FindingRow: Codable, Sendable, Equatable {
    var severity: String
    var rule: String
    var message: String
    var location: String
    var paragraph: Int?
}
