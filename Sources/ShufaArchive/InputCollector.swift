import Foundation

/// Reads what `archive add` is given: build folders (with summary.json, and the PDFs of `shufa print` in
/// their `pdf/` folder), print folders (with print.json), returned reports (files, or folders of them)
/// and tally results (`shufa tally --json`). Nothing is stored here; bad inputs become problems.
public struct InputCollector: Sendable {
    public let options: CollectOptions
    /// The archive the inputs go into (to tell a tally's year from the leaders it knows).
    public let archive: DocumentArchive?

    public init(options: CollectOptions, archive: DocumentArchive?) {
        self.options = options
        self.archive = archive
    }

    public func collect(_ paths: [URL]) -> CollectedInputs {
        var inputs = CollectedInputs()
        var returned: [URL] = []
        var tallies: [(URL, Data)] = []
        for path in paths {
            switch classify(path) {
            case .build(let folder):
                merge(BuildFolderReader(options: options).read(folder), into: &inputs)
                let prints = folder.appendingPathComponent("pdf")
                if FileManager.default.fileExists(atPath: prints.appendingPathComponent("print.json").path) {
                    merge(PrintFolderReader(options: options).read(prints), into: &inputs)
                }
            case .print(let folder): merge(PrintFolderReader(options: options).read(folder), into: &inputs)
            case .returned(let files): returned += files
            case .tally(let file, let data): tallies.append((file, data))
            case .problems(let problems): inputs.problems += problems
            }
        }
        if !returned.isEmpty { merge(ReturnedReader(options: options).read(returned), into: &inputs) }
        let seen = inputs.documents.compactMap(\.person)
        for (file, data) in tallies {
            merge(TallyReader(options: options, archive: archive).read(file, data: data, seen: seen), into: &inputs)
        }
        return inputs
    }

    private func merge(_ more: CollectedInputs, into inputs: inout CollectedInputs) {
        inputs.documents += more.documents
        inputs.grades += more.grades
        inputs.problems += more.problems
    }

    private enum Input {
        case build(URL)
        case print(URL)
        case returned([URL])
        case tally(URL, Data)
        case problems([AddProblem])
    }

    private func classify(_ path: URL) -> Input {
        var info = stat()
        guard stat(path.path, &info) == 0 else {
            return .problems([.unreadable(FileFailure(path: path.path, code: errno))])
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { return classifyFolder(path) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .problems([.unrecognised(file: path.path)]) }
        let name = path.lastPathComponent
        let ext = path.pathExtension.lowercased()
        if name == "summary.json" { return .build(path.deletingLastPathComponent()) }
        if name == "print.json" { return .print(path.deletingLastPathComponent()) }
        if ReturnedReader.extensions.contains(ext) { return .returned([path]) }
        if ext == "pdf" { return .problems([.loosePDF(file: path.path)]) }
        if ext == "json", let data = try? Data(contentsOf: path), TallyReader.recognises(data) {
            return .tally(path, data)
        }
        return .problems([.unrecognised(file: path.path)])
    }

    /// A build folder, a print folder, or a folder of returned reports (every report file in it and below).
    private func classifyFolder(_ folder: URL) -> Input {
        let manager = FileManager.default
        if manager.fileExists(atPath: folder.appendingPathComponent("summary.json").path) { return .build(folder) }
        if manager.fileExists(atPath: folder.appendingPathComponent("print.json").path) { return .print(folder) }
        let files =
            (manager.enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                options: [.skipsHiddenFiles])?.allObjects as? [URL] ?? [])
            .filter { ReturnedReader.extensions.contains($0.pathExtension.lowercased()) }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path < $1.path }
        return files.isEmpty ? .problems([.unrecognised(file: folder.path)]) : .returned(files)
    }
}
