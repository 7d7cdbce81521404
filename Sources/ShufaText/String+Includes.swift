extension String {
    /// True when `word` occurs in the text, compared byte for byte in UTF-8. Foundation's `contains` compares
    /// grapheme clusters under a locale and is many times slower; the checks compare words as written.
    package func includes(_ word: String) -> Bool {
        var text = self, word = word
        return text.withUTF8 { haystack in
            word.withUTF8 { needle in
                guard !needle.isEmpty else { return true }
                guard haystack.count >= needle.count else { return false }
                return findBytes(haystack.baseAddress, haystack.count, needle.baseAddress, needle.count) != nil
            }
        }
    }
}
