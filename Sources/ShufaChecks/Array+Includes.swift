import ShufaText

extension Array where Element == UInt8 {
    /// True when `word` occurs in the bytes.
    func includes(_ word: [UInt8]) -> Bool {
        guard !word.isEmpty else { return true }
        return withUnsafeBufferPointer { haystack in
            word.withUnsafeBufferPointer { needle in
                findBytes(haystack.baseAddress, haystack.count, needle.baseAddress, needle.count) != nil
            }
        }
    }
}
