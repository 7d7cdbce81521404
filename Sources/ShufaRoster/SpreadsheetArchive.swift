import Foundation
import ShufaODF
import ShufaXML
import ZIPFoundation

/// A spreadsheet kept as a ZIP archive of XML parts (.xlsx, .ods), read with the same size limits as
/// ODF documents (`ODFParts.partLimit`), so a zip bomb is refused rather than unpacked.
struct SpreadsheetArchive {
    let file: String
    private let archive: Archive

    /// Opens `data`, which a file named `file` of kind `kind` should hold.
    init(_ data: Data, file: String, kind: SpreadsheetKind) throws(RosterError) {
        self.file = file
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { throw Self.notAnArchive(data, file: file, kind: kind) }
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw RosterError(file: file, .damagedArchive)
        }
    }

    /// The unpacked bytes of the part `path`, nil when the archive has no such part.
    func part(_ path: String) throws(RosterError) -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        do { return try ODFParts.extract(entry, from: archive, file: file) } catch {
            throw RosterError(file: file, .part(error))
        }
    }

    /// The part `path` parsed as XML.
    /// - Throws: when the part is missing (`missing` says what that means) or not well-formed.
    func xml(_ path: String, missing: RosterFault) throws(RosterError) -> XMLDocument {
        guard let bytes = try part(path) else { throw RosterError(file: file, missing) }
        return try Self.parse(bytes, file: file, part: path)
    }

    /// Parses XML bytes, naming the file (and part) in the error. The markup is counted first
    /// (`MarkupCount`): a part with more elements and attributes than a roster's sheet can hold, or an
    /// element with hundreds of attributes, is refused before libxml2 builds a tree of it.
    static func parse(_ bytes: [UInt8], file: String, part: String? = nil) throws(RosterError) -> XMLDocument {
        do throws(RosterFault) { try MarkupCount(bytes).check(part: part ?? file) } catch {
            throw RosterError(file: file, error)
        }
        do { return try XMLDocument(bytes: bytes, source: part ?? file) } catch {
            throw RosterError(file: file, .damagedXML(part: part, detail: error.description))
        }
    }

    /// Why `data` is not the archive its extension promises, with a guess at what it is.
    static func notAnArchive(_ data: Data, file: String, kind: SpreadsheetKind) -> RosterError {
        let guess: ArchiveGuess
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            guess = .oldExcel
        } else if data.prefix(4096).contains(0) {
            guess = .binary
        } else {
            guess = .text
        }
        return RosterError(file: file, .notAnArchive(kind, guess: guess))
    }
}
