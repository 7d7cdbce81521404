/// Length limits of the 述法 part (300字左右), counted in CJK characters, letters and digits.
public struct LawLength: Sendable, Equatable, Codable {
    public init(target: Int, fineMin: Int, fineMax: Int, errorMin: Int, errorMax: Int) {
        (self.target, self.fineMin, self.fineMax) = (target, fineMin, fineMax)
        (self.errorMin, self.errorMax) = (errorMin, errorMax)
    }

    public var target: Int
    public var fineMin: Int
    public var fineMax: Int
    public var errorMin: Int
    public var errorMax: Int
}
