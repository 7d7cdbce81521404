extension String {
    /// Without leading and trailing white space (ASCII, full-width, any Unicode White_Space), looked at scalar
    /// by scalar: the same result as `trimmingSpaces` for roster text, and much faster on long Chinese text.
    package var trimmingWhiteSpace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !SimpleText.isWhitespace($0) }),
              let last = scalars.lastIndex(where: { !SimpleText.isWhitespace($0) }) else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}

extension String {
    /// Without leading and trailing white space (ASCII and full-width).
    package var trimmingSpaces: String { trimmedSpaces(self) }
}

extension Substring {
    /// Without leading and trailing white space (ASCII and full-width).
    package var trimmingSpaces: String { trimmedSpaces(self) }
}

/// `text` without leading and trailing white space: itself when it starts and ends with a simple scalar that is
/// no white space (a character of its own, `SimpleText`), else by characters.
@inline(__always)
private func trimmedSpaces<Text: StringProtocol>(_ text: Text) -> String {
    if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last, !SimpleText.isWhitespace(first),
        !SimpleText.isWhitespace(last), SimpleText.isSimple(last)
    {
        return String(text)
    }
    var scalars = Substring(text)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
}
