/// A roster read a piece at a time, so a batch never holds all its leaders: the organisation and year
/// (known before the first leader), then the leaders in roster order with the problems of their records.
public protocol RosterSource {
    var organization: String { get }
    var year: Int { get }
    /// The next leaders (at most `limit`) and the problems found reading them, in file order (problems that
    /// concern the whole file come with the first piece); nil when the roster is read to its end.
    mutating func next(_ limit: Int) -> (leaders: [Leader], problems: [RosterProblem])?
    /// Why the roster stopped being readable after it was opened (the file changed or became unreadable).
    var failure: RosterError? { get }
}
