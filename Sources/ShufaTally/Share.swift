import Foundation

/// An exact share of a whole (比例), as `catalog.yaml` writes it: "20%", "1/3" or "0.2". Kept as a
/// fraction so that 「达到三分之一」 and 「不超过 20%」 are decided without rounding errors.
public struct Share: Sendable, Equatable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int
    /// As the catalog writes it ("20%", "1/3").
    public let description: String

    public init?(_ text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("%") || text.hasSuffix("％") {
            guard let parts = Self.decimal(String(text.dropLast())) else { return nil }
            self.init(numerator: parts.numerator, denominator: parts.denominator * 100, text: text)
        } else if let slash = text.firstIndex(of: "/") {
            guard let top = Int(text[..<slash].trimmingCharacters(in: .whitespaces)),
                let bottom = Int(text[text.index(after: slash)...].trimmingCharacters(in: .whitespaces))
            else { return nil }
            self.init(numerator: top, denominator: bottom, text: text)
        } else {
            guard let parts = Self.decimal(text) else { return nil }
            self.init(numerator: parts.numerator, denominator: parts.denominator, text: text)
        }
    }

    private init?(numerator: Int, denominator: Int, text: String) {
        guard denominator > 0, numerator >= 0, numerator <= denominator else { return nil }
        self.numerator = numerator
        self.denominator = denominator
        description = text
    }

    /// "12.5" → 125/1000; at most six decimals.
    private static func decimal(_ text: String) -> (numerator: Int, denominator: Int)? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let whole = Int(parts[0].isEmpty ? "0" : String(parts[0])), whole >= 0
        else { return nil }
        guard parts.count == 2 else { return (whole, 1) }
        let fraction = String(parts[1])
        guard !fraction.isEmpty, fraction.count <= 6, let digits = Int(fraction), digits >= 0 else { return nil }
        var scale = 1
        for _ in fraction { scale *= 10 }
        return (whole * scale + digits, scale)
    }

    /// True when `part / whole` is at least this share (`part` ≥ share × `whole`).
    public func isReached(by part: Int, of whole: Int) -> Bool { part * denominator >= numerator * whole }

    /// True when `part / whole` is more than this share.
    public func isExceeded(by part: Int, of whole: Int) -> Bool { part * denominator > numerator * whole }

    /// The share of `whole`, rounded as asked.
    public func of(_ whole: Int, rounding: QuotaRounding) -> Int {
        let product = numerator * whole
        switch rounding {
        case .down: return product / denominator
        case .up: return (product + denominator - 1) / denominator
        case .nearest: return (2 * product + denominator) / (2 * denominator)
        }
    }
}

/// How a quota's share of a 序列 becomes a number of people.
public enum QuotaRounding: String, Sendable, Decodable {
    /// 向下取整 (the default: a quota is never exceeded).
    case down
    /// 四舍五入
    case nearest
    /// 向上取整
    case up

    /// The Chinese name.
    public var chineseName: String {
        switch self {
        case .down: return "向下取整"
        case .nearest: return "四舍五入"
        case .up: return "向上取整"
        }
    }
}

/// Percentages as the summary prints them: one decimal ("15.0%").
public enum Percent {
    public static func text(_ value: Double) -> String { String(format: "%.1f%%", (value * 1000).rounded() / 10) }
}
