import Foundation
import ZIPFoundation

/// Tells a file's type from its bytes: a ZIP package by its `mimetype` or its parts, Flat ODF by its root
/// element, a Word 97 file by its signature; text formats (CSV, TSV, JSON, YAML) by the name's extension
/// when it is one of them, else by the first line.
enum FileSniffer {
    static func type(of file: URL, nameHint: String) -> FileType? {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return nil }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 4096)) ?? Data())
        guard !head.isEmpty else { return nil }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return package(file, head: head) }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .doc }
        if let flat = flatODF(head) { return flat }
        if head.contains(0) { return nil }
        return text(head, hint: (nameHint as NSString).pathExtension.lowercased())
    }

    private static let mimetypes: [String: FileType] = [
        "application/vnd.oasis.opendocument.text": .odt,
        "application/vnd.oasis.opendocument.spreadsheet": .ods,
    ]

    /// An ODF package by its stored `mimetype` (first entry, as ODF requires), else an OOXML package by its
    /// main part, else an ODF package whose `mimetype` is elsewhere.
    private static func package(_ file: URL, head: [UInt8]) -> FileType? {
        if head.count > 38, Array(head[30..<38]) == Array("mimetype".utf8) {
            let rest = String(decoding: head[38...].prefix(60), as: UTF8.self)
            if let found = mimetypes.first(where: { rest.hasPrefix($0.key) }) { return found.value }
        }
        guard let archive = try? Archive(url: file, accessMode: .read) else { return nil }
        if archive["word/document.xml"] != nil { return .docx }
        if archive["xl/workbook.xml"] != nil { return .xlsx }
        guard let entry = archive["mimetype"], entry.uncompressedSize < 200 else { return nil }
        var bytes = Data()
        _ = try? archive.extract(entry) { bytes.append($0) }
        return mimetypes[String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)]
    }

    /// Flat ODF: XML whose root element is office:document, text or spreadsheet by its office:mimetype.
    private static func flatODF(_ head: [UInt8]) -> FileType? {
        let text = String(decoding: head, as: UTF8.self)
        guard text.drop(while: { $0 == "\u{FEFF}" || $0.isWhitespace }).hasPrefix("<"),
            text.contains("office:document")
        else { return nil }
        if text.contains("opendocument.spreadsheet") { return .fods }
        return .fodt
    }

    private static func text(_ head: [UInt8], hint: String) -> FileType? {
        switch hint {
        case "csv": return .csv
        case "tsv", "txt": return .tsv
        case "json": return .json
        case "yaml", "yml": return .yaml
        default: break
        }
        let text = String(decoding: head, as: UTF8.self)
        let first = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? text
        if let start = text.first(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }), start == "{" || start == "[" {
            return .json
        }
        if first.contains("\t") { return .tsv }
        if first.contains(",") { return .csv }
        return .yaml
    }
}
