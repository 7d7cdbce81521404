import Foundation

extension String {
    /// True when `word` occurs in the text, compared byte for byte in UTF-8. Foundation's `contains` compares
    /// grapheme clusters under a locale and is many times slower; the checks compare words as written.
    func includes(_ word: String) -> Bool {
        var text = self, word = word
        return text.withUTF8 { haystack in
            word.withUTF8 { needle in
                guard !needle.isEmpty else { return true }
                guard haystack.count >= needle.count else { return false }
                let first = needle[0], last = haystack.count - needle.count
                var index = 0
                while index <= last {
                    if haystack[index] == first
                        && memcmp(haystack.baseAddress! + index, needle.baseAddress!, needle.count) == 0
                    {
                        return true
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
