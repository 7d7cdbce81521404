/// Where a field's value is found at render time: how many section levels up, then the path of
/// field names from there.
struct Lookup: Sendable {
    var depth: Int
    var path: [String]
}
