import Foundation

/// Opens the files given to `shufa check` / `shufa extract`: ODF as it is, Word documents (.docx, .doc)
/// and WPS documents (.wps) converted to ODF through LibreOffice first, all in one LibreOffice process. A
/// Word or WPS document is copied into a private folder (mode 0700) and converted there, links to other files
/// not followed; the folder, with every copy and conversion, is removed before this returns.
public enum DocumentLoader {
    /// Each file's parts, or why it cannot be read, in the order given.
    public static func load(_ files: [URL], fontConfig: URL? = nil) -> [(file: URL, parts: Result<ODFParts, ODFParts.ReadError>)] {
        let word = files.filter { wordExtensions.contains($0.pathExtension.lowercased()) }
        let converted = convert(word, fontConfig: fontConfig)
        return files.map { file in
            (file, converted[file] ?? Result { () throws(ODFParts.ReadError) in try ODFParts.read(file) })
        }
    }

    /// Checks every file with `checker`, in the order given, on all cores: Word documents are converted first
    /// (one LibreOffice for all), then each document is read, parsed once and checked by one worker, each worker
    /// validating with its own validation context. Holds at most one document per worker in memory.
    public static func check(_ files: [URL], checker: ReportChecker, role: String?,
                             fontConfig: URL? = nil) -> [(file: URL, result: Result<CheckedDocument, Error>)] {
        let word = files.filter { wordExtensions.contains($0.pathExtension.lowercased()) }
        let converted = convert(word, fontConfig: fontConfig)
        let results = ParallelMap.run(files) { file -> CheckedDocument in
            let parts = try (converted[file] ?? Result { () throws(ODFParts.ReadError) in try ODFParts.read(file) }).get()
            return try checker.check(parts, path: file.path, role: role)
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

    private static func convert(_ files: [URL], fontConfig: URL?) -> [URL: Result<ODFParts, ODFParts.ReadError>] {
        guard !files.isEmpty else { return [:] }
        let failure = { (file: URL, refusal: ODFParts.Refusal) in
            ODFParts.ReadError(file: file.lastPathComponent, refusal)
        }
        let folder: PrivateFolder
        do { folder = try PrivateFolder(prefix: "shufa-word") } catch {
            let refusal = ODFParts.Refusal.converterFailed("\(error)")
            return Dictionary(uniqueKeysWithValues: files.map { ($0, .failure(failure($0, refusal))) })
        }
        defer { folder.remove() }
        var results: [URL: Result<ODFParts, ODFParts.ReadError>] = [:]
        var copies: [(file: URL, copy: URL)] = []
        for (index, file) in files.enumerated() where results[file] == nil {
            do {
                let bytes = try RegularFile.read(file, limit: wordLimit)
                guard let ext = copyExtension(bytes, given: file.pathExtension.lowercased()) else {
                    results[file] = .failure(failure(file, .notWordDocument))
                    continue
                }
                let copy = folder.url.appendingPathComponent(String(format: "%04d.", index) + ext)
                try OutputFiles.writeAtomically(Array(bytes), to: copy)
                copies.append((file, copy))
            } catch let problem as RegularFile.Problem {
                results[file] = .failure(failure(file, .file(problem)))
            } catch {
                results[file] = .failure(failure(file, .converterFailed("\(error)")))
            }
        }
        let office: LibreOffice
        do { office = try LibreOffice(fontConfig: fontConfig) } catch {
            for (file, _) in copies { results[file] = .failure(failure(file, .noLibreOffice)) }
            return results
        }
        do {
            let timeout = 60 + 10 * Double(copies.count)
            let converted = folder.url.appendingPathComponent("odt")
            let attempt = try office.attempt(copies.map(\.copy), to: "odt", into: converted, timeout: timeout)
            for ((file, _), output) in zip(copies, attempt.outputs) {
                guard let output else {
                    results[file] = .failure(failure(file, .notConverted))
                    continue
                }
                results[file] = Result { () throws(ODFParts.ReadError) in try ODFParts.read(output) }
                    .mapError { ODFParts.ReadError(file: file.lastPathComponent, message: $0.message) }
            }
        } catch {
            for (file, _) in copies { results[file] = .failure(failure(file, .converterFailed("\(error)"))) }
        }
        return results
    }
}
