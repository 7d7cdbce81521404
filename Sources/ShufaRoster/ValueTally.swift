/// Counts values; the most common is the first seen among those counted most (as `TableRoster.mostCommon`).
struct ValueTally<Value: Hashable> {
    private var counts: [Value: Int] = [:]
    private var order: [Value] = []

    mutating func add(_ value: Value) {
        if counts[value] == nil { order.append(value) }
        counts[value, default: 0] += 1
    }

    var mostCommon: Value? {
        var best: Value?
        for value in order where best == nil || counts[value]! > counts[best!]! { best = value }
        return best
    }
}
