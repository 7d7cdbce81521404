import Foundation

/// Opens the files given to `shufa check` / `shufa extract`: ODF as it is, Word documents (.docx,
/// .doc) converted to ODF through LibreOffice first, all in one LibreOffice process. A Word document is
/// copied into a private folder (mode 0700) and converted there, links to other files not followed; the
/// folder, with every copy and conversion, is removed before this returns.
public enum DocumentLoader {
    /// Each file's parts, or why it cannot be read, in the order given.
    public static func load(_ files: [URL], fontConfig: URL? = nil) -> [(file: URL, parts: Result<ODFParts, ODFParts.ReadError>)] {
        let word = files.filter { ["docx", "doc"].contains($0.pathExtension.lowercased()) }
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
        let word = files.filter { ["docx", "doc"].contains($0.pathExtension.lowercased()) }
        let converted = convert(word, fontConfig: fontConfig)
        let results = ParallelMap.run(files) { file -> CheckedDocument in
            let parts = try (converted[file] ?? Result { () throws(ODFParts.ReadError) in try ODFParts.read(file) }).get()
            return try checker.check(parts, path: file.path, role: role)
        }
        return Array(zip(files, results)).map { ($0, $1) }
    }

    /// The largest Word document converted.
    static let wordLimit = 256 << 20

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
            let name = String(format: "%04d.", index) + file.pathExtension.lowercased()
            let copy = folder.url.appendingPathComponent(name)
            do {
                try OutputFiles.writeAtomically(Array(try RegularFile.read(file, limit: wordLimit)), to: copy)
                copies.append((file, copy))
            } catch let problem as RegularFile.Problem {
                results[file] = .failure(failure(file, .file(problem)))
            } catch {
                results[file] = .failure(failure(file, .converterFailed("\(error)")))
            }
        }
        do {
            let office = try LibreOffice(fontConfig: fontConfig)
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

/// Where the OASIS ODF 1.3 schemas are: `--schemas`, else `$SHUFA_SCHEMAS`, else `../shared/schemas/odf1.3`.
public enum SchemaLocator {
    public static func find(_ explicit: String?) -> URL? {
        let environment = ProcessInfo.processInfo.environment["SHUFA_SCHEMAS"]
        let candidates = [explicit, environment, "../shared/schemas/odf1.3"].compactMap { $0 }
        return candidates.map { URL(fileURLWithPath: $0) }.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("OpenDocument-v1.3-schema.rng").path)
        }
    }
}
