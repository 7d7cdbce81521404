import ShufaXML

/// Writes the hanging of punctuation the way LibreOffice reads it back. shufa's templates keep 、，。 inside
/// the text area (ODF `style:punctuation-wrap="simple"`), which LibreOffice exports as
/// `w:overflowPunct w:val="false"`, as the format defines it. But LibreOffice's own .docx import reads
/// `w:overflowPunct` the other way round (writerfilter sets hanging punctuation when the value is 0, in 7.4
/// and in later versions): converted back to PDF, the .docx hung full stops into the margin, broke 11 of the
/// sample batch's 85 documents into different lines than their ODF twins and, on justified lines, can drop
/// the punctuation from the PDF. Every `w:overflowPunct` is therefore inverted, so LibreOffice lays the
/// .docx out line for line like the ODF; Word and WPS then let a full stop that ends a full line stand in
/// the margin, as they do by default for Chinese text, instead of moving a character down.
enum WordPunctuation {
    /// Inverts every `w:overflowPunct` of the package's WordprocessingML parts.
    static func apply(to package: inout WordPackage) throws(WordError) {
        for name in package.xmlPartNames where name.hasPrefix("word/") {
            guard let bytes = package.part(name), bytes.contains(subsequence: marker) else { continue }
            let document = try WordML.parse(bytes, part: name)
            for element in document.root?.descendants() ?? [] where element.is(WordML.main, "overflowPunct") {
                let hanging = WordML.value(element).map(Self.isOn) ?? true
                element.setAttribute("val", namespace: WordML.main, prefix: "w", value: hanging ? "false" : "true")
            }
            package.set(name, document.serialized())
        }
    }

    private static let marker = Array("overflowPunct".utf8)

    /// An on/off value of WordprocessingML: on unless `false`, `0` or `off`.
    static func isOn(_ value: String) -> Bool { !["false", "0", "off"].contains(value) }
}

extension Array where Element == UInt8 {
    /// True when `subsequence` occurs in the bytes.
    func contains(subsequence: [UInt8]) -> Bool {
        guard let first = subsequence.first, subsequence.count <= count else { return false }
        var index = startIndex
        while let found = self[index...].firstIndex(of: first) {
            if found + subsequence.count > count { return false }
            if self[found..<found + subsequence.count].elementsEqual(subsequence) { return true }
            index = found + 1
        }
        return false
    }
}
