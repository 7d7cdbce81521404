import Foundation
import ShufaODF
import ZIPFoundation

/// The parts of a Word document (.docx, a ZIP of XML parts), read with the size limits of ODF packages,
/// edited in memory and written again as a ZIP with fixed timestamps, so equal parts give equal bytes.
package struct WordPackage {
    /// The parts in the order of the archive: name and bytes.
    private(set) var parts: [(name: String, bytes: [UInt8])]

    /// The main document part.
    static let documentPart = "word/document.xml"

    /// Reads a package; `file` names it in messages.
    init(_ data: Data, file: String) throws(WordError) {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch { throw .notPackage }
        var parts: [(String, [UInt8])] = []
        for entry in archive where entry.type == .file {
            do { parts.append((entry.path, try ODFParts.extract(entry, from: archive, file: file))) } catch {
                throw .damagedPart(error)
            }
        }
        guard parts.contains(where: { $0.0 == Self.documentPart }) else {
            throw .missingPart(Self.documentPart)
        }
        self.parts = parts
    }

    /// The bytes of a part.
    func part(_ name: String) -> [UInt8]? { parts.first { $0.name == name }?.bytes }

    /// Replaces a part, or adds it at the end.
    mutating func set(_ name: String, _ bytes: [UInt8]) {
        if let index = parts.firstIndex(where: { $0.name == name }) {
            parts[index].bytes = bytes
        } else {
            parts.append((name, bytes))
        }
    }

    /// The names of the XML parts (`.xml` and `.rels`).
    var xmlPartNames: [String] {
        parts.map(\.name).filter { $0.hasSuffix(".xml") || $0.hasSuffix(".rels") }
    }

    /// The package as a ZIP archive: the parts in order, deflated, every timestamp 1980-01-01.
    func archive() -> [UInt8] {
        ZipWriter.archive(parts.map { ZipEntry.deflated($0.name, $0.bytes) })
    }
}
