/// The shape of a rendered document: for every section met, whether it was left out or shown, and for a
/// list the shapes of its items, a run of items of the same shape counted as one item or as "two or more".
/// Two documents of a template with the same shape differ only in the texts of their values and in how often
/// an item of the same shape repeats (see `SchemaProof`).
enum DocumentShape {
    static let absent: UInt8 = 0, present: UInt8 = 1
    static let listOpen: UInt8 = 2, itemEnd: UInt8 = 3, repeated: UInt8 = 4, listClose: UInt8 = 5
}
