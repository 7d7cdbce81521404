import Foundation
import ShufaODF
import ShufaSystem

/// Opens the files given to `shufa check` / `shufa extract`: ODF as it is, Word documents (.docx, .doc)
/// and WPS documents (.wps) converted to ODF through LibreOffice first, all in one LibreOffice process. A
/// Word or WPS document is copied into a private folder (mode 0700) and converted there, links to other files
/// not followed; the folder, with every copy and conversion, is removed before this returns.
public enum DocumentLoader {
    /// Why a file cannot be read as a document; rendered in Chinese by `CheckMessages`.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// Not an ODF document shufa can read (also a Word document's conversion).
        case unreadable(ODFParts.ReadError)
        /// A .docx, .doc or .wps whose content is none of Word's or WPS's formats.
        case notWordDocument(String)
        /// LibreOffice wrote nothing for a Word document (damaged, password, time limit).
        case notConverted(String)
        /// LibreOffice is not installed: Word and WPS documents cannot be read.
        case noLibreOffice(String)
        /// LibreOffice could not be run for the file.
        case converterFailed(String, LibreOffice.Failure)
        /// The private folder for the conversion could not be made or written.
        case workspace(String, OutputError)

        /// The file's name.
        public var file: String {
            switch self {
            case .unreadable(let error): return error.file
            case .notWordDocument(let file), .notConverted(let file), .noLibreOffice(let file),
                .converterFailed(let file, _), .workspace(let file, _):
                return file
            }
        }

        /// What is wrong, without the file's name.
        public var message: String { CheckMessages.text(self) }
        /// `file：message`.
        public var description: String { "\(file)：\(message)" }
    }

    /// Each file's parts, or why it cannot be read, in the order given.
    public static func load(_ files: [URL], fontConfig: URL? = nil) -> [(file: URL, parts: Result<ODFParts, Failure>)] {
        let parts = opener(files, fontConfig: fontConfig)
        return files.map { ($0, parts($0)) }
    }

    /// What gives the parts of each of `files`: the Word and WPS documents among them converted first, in one
    /// LibreOffice process; an ODF file read when asked for.
    private static func opener(_ files: [URL], fontConfig: URL?) -> @Sendable (URL) -> Result<ODFParts, Failure> {
        let converted = convert(files.filter { wordExtensions.contains($0.pathExtension.lowercased()) },
                                fontConfig: fontConfig)
        return { file in
            converted[file] ?? Result { () throws(ODFParts.ReadError) in try ODFParts.read(file) }
                .mapError(Failure.unreadable)
        }
    }

    /// Checks every file with `checker`, in the order given, on all cores: Word documents are converted first
    /// (one LibreOffice for all), then each document is read, parsed once and checked by one worker, each worker
    /// validating with its own validation context. Holds at most one document per worker in memory.
    public static func check(_ files: [URL], checker: ReportChecker, role: String?,
                             fontConfig: URL? = nil) -> [(file: URL, result: Result<CheckedDocument, Error>)] {
        let parts = opener(files, fontConfig: fontConfig)
        let results = ParallelMap.run(files) { file -> CheckedDocument in
            try checker.check(try parts(file).get(), path: file.path, role: role)
        }
        return Array(zip(files, results)).map { ($0, $1) }
    }

    /// The largest Word document converted.
    static let wordLimit = 256 << 20

    /// The extensions of documents read through LibreOffice's Word filters.
    static let wordExtensions: Set<String> = ["docx", "doc", "wps"]

    /// The extension a copy is given so that LibreOffice reads it with the right filter, told by its first
    /// bytes: a ZIP package is Word 2007–365 (.docx), an OLE compound file Word 97–2003 (.doc), `{\rtf` is
    /// RTF, and text starting with `<` a Word XML or HTML document (kept as given). Kingsoft WPS saves .wps in
    /// the Word 97 binary format; LibreOffice takes the extension .wps for Microsoft Works first, and as .doc
    /// reads it with its Word filter. Anything else is not a Word or WPS document (nil): LibreOffice would
    /// import it as plain text, garbage included, so it is refused instead.
    static func copyExtension(_ bytes: Data, given: String) -> String? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "docx" }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return "doc" }
        if bytes.starts(with: Array("{\\rtf".utf8)) { return "rtf" }
        let text = bytes.drop { [0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return text.first == UInt8(ascii: "<") && given != "wps" ? given : nil
    }

    /// The Word and WPS documents among `files`, each copied into one private folder and converted there, all in
    /// one LibreOffice process.
    private static func convert(_ files: [URL], fontConfig: URL?) -> [URL: Result<ODFParts, Failure>] {
        guard !files.isEmpty else { return [:] }
        let folder: PrivateFolder
        do { folder = try PrivateFolder(prefix: "shufa-word") } catch {
            return Dictionary(
                uniqueKeysWithValues: files.map { ($0, .failure(.workspace($0.lastPathComponent, error))) })
        }
        defer { folder.remove() }
        var results: [URL: Result<ODFParts, Failure>] = [:]
        var copies: [(file: URL, copy: URL)] = []
        for (index, file) in files.enumerated() where results[file] == nil {
            switch copy(file, into: folder, index: index) {
            case .success(let copy): copies.append((file, copy))
            case .failure(let failure): results[file] = .failure(failure)
            }
        }
        let office: LibreOffice
        do { office = try LibreOffice(fontConfig: fontConfig) } catch {
            for (file, _) in copies { results[file] = .failure(.noLibreOffice(file.lastPathComponent)) }
            return results
        }
        do {
            let timeout = 60 + 10 * Double(copies.count)
            let converted = folder.url.appendingPathComponent("odt")
            let attempt = try office.attempt(copies.map(\.copy), to: "odt", into: converted, timeout: timeout)
            for ((file, _), output) in zip(copies, attempt.outputs) {
                guard let output else {
                    results[file] = .failure(.notConverted(file.lastPathComponent))
                    continue
                }
                results[file] = read(output, as: file.lastPathComponent)
            }
        } catch {
            for (file, _) in copies { results[file] = .failure(.converterFailed(file.lastPathComponent, error)) }
        }
        return results
    }

    /// The parts of LibreOffice's conversion `output`, named `name` (the original's) in messages.
    private static func read(_ output: URL, as name: String) -> Result<ODFParts, Failure> {
        Result { () throws(ODFParts.ReadError) in
            let data: Data
            do throws(RegularFile.Problem) {
                data = try RegularFile.read(output, limit: ODFParts.fileLimit)
            } catch {
                throw .file(name, error)
            }
            return try ODFParts.read(data, file: name)
        }.mapError(Failure.unreadable)
    }

    /// A copy of the Word or WPS document `file` in `folder`, named so that LibreOffice reads it with the right
    /// filter (`copyExtension`).
    private static func copy(_ file: URL, into folder: PrivateFolder, index: Int) -> Result<URL, Failure> {
        let name = file.lastPathComponent
        let bytes: Data
        do { bytes = try RegularFile.read(file, limit: wordLimit) } catch {
            return .failure(.unreadable(.file(name, error)))
        }
        guard let ext = copyExtension(bytes, given: file.pathExtension.lowercased()) else {
            return .failure(.notWordDocument(name))
        }
        let copy = folder.url.appendingPathComponent(String(format: "%04d.", index) + ext)
        do { try OutputFiles.writeAtomically(Array(bytes), to: copy) } catch {
            return .failure(.workspace(name, error))
        }
        return .success(copy)
    }
}
