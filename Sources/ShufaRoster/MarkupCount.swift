/// The nodes a tree of an XML text would have, counted in one pass over its bytes without parsing it:
/// what the tree would cost, known before libxml2 builds it. A tree takes a few hundred bytes per node, so
/// a spreadsheet part of tiny elements (`<row/><row/>…`, which compresses to almost nothing) would unfold
/// into gigabytes; and libxml2 checks an element's attributes against each other, which takes minutes for
/// an element with a hundred thousand of them.
struct MarkupCount {
    /// Nodes as libxml2 makes them: an element, a run of text, and two for an attribute (it and its value).
    private(set) var nodes = 0
    /// The most attributes on one element.
    private(set) var mostAttributes = 0

    /// The most nodes a spreadsheet part may have (a tree of at most about 300 MB): a roster of 10,000
    /// leaders, every text in full, has about 900,000 in its largest part.
    static let maximumNodes = 1_500_000
    /// The most attributes one element may have: spreadsheet programs write a handful.
    static let maximumAttributes = 256

    init(_ bytes: [UInt8]) {
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                nodes += 1
                index = (bytes[index...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count)
                continue
            }
            index = countTag(bytes, from: index + 1)
        }
    }

    /// Counts the tag whose `<` is just before `start` (a start tag: one element and its attributes);
    /// returns the index after its `>`.
    private mutating func countTag(_ bytes: [UInt8], from start: Int) -> Int {
        let isStart =
            start < bytes.count && ![UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "!")].contains(bytes[start])
        var index = start
        var quote: UInt8?
        var count = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = isStart ? byte : nil
            } else if byte == UInt8(ascii: "=") {
                count += 1
            } else if byte == UInt8(ascii: ">") {
                break
            }
        }
        guard isStart else { return index }
        nodes += 1 + 2 * count
        mostAttributes = max(mostAttributes, count)
        return index
    }

    /// Refuses counts beyond the limits; `part` names the part in the message.
    func check(part: String) throws(RosterFault) {
        guard mostAttributes <= Self.maximumAttributes else {
            throw .tooManyAttributes(part: part, limit: Self.maximumAttributes)
        }
        guard nodes <= Self.maximumNodes else { throw .tooMuchMarkup(part: part, limit: Self.maximumNodes) }
    }
}
