/// A roster that cannot be read at all: the file, and what is wrong with it (with the line, row or part).
public struct RosterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var fault: RosterFault

    public init(file: String, _ fault: RosterFault) {
        self.file = file
        self.fault = fault
    }

    /// What is wrong and what to do, without the file's name.
    public var message: String { RosterMessages.text(fault) }
    /// `file：message`.
    public var description: String { "\(file)：\(message)" }
}
