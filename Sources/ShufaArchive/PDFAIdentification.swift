import Foundation

/// Whether a PDF carries its PDF/A identification: the `pdfaid:part` and `pdfaid:conformance` of its XMP
/// metadata (PDF/A keeps that metadata stream uncompressed, as LibreOffice and qpdf write it).
public enum PDFAIdentification {
    /// The PDF/A part and conformance (e.g. "2B"), or nil when the file is not an identified PDF/A.
    public static func of(_ url: URL) -> String? {
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped), data.starts(with: Array("%PDF-".utf8))
        else {
            return nil
        }
        guard let part = value("part", in: data), let conformance = value("conformance", in: data) else { return nil }
        return part + conformance.uppercased()
    }

    /// The value of `pdfaid:<name>`, written as an element (`<pdfaid:part>2</pdfaid:part>`) or an attribute
    /// (`pdfaid:part="2"`).
    private static func value(_ name: String, in data: Data) -> String? {
        for opening in ["pdfaid:\(name)>", "pdfaid:\(name)=\"", "pdfaid:\(name)='"] {
            guard let range = data.range(of: Data(opening.utf8)) else { continue }
            let rest = data[range.upperBound...].prefix(8)
            let text = String(decoding: rest.prefix { $0 != 0x3C && $0 != 0x22 && $0 != 0x27 }, as: UTF8.self)
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { return trimmed }
        }
        return nil
    }
}
