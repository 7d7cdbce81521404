import Foundation
import ShufaOutput
import ShufaSystem

/// Converts the documents of a print plan through a small pool of LibreOffice processes (at most one per
/// core, each with its own profile), as few large files as possible. A file that fails is split in two
/// and tried again, down to single documents, and a single document that fails is retried once in a
/// process of its own; what still fails is reported and everything else goes on.
struct PrintConverter {
    let office: LibreOffice
    let qpdf: QPDF
    let options: PrintOptions
    let items: [PrintItem]
    let combinables: [CombinableDocument?]
    /// Items not to convert (refused before conversion).
    let skipping: Set<Int>
    let workspace: URL
    let progress: ProgressTracker

    /// What the conversion produced.
    struct Outcome: Sendable {
        var pdfs: [SourcePDF] = []
        var placements: [Int: Placement] = [:]
        var failures: [Int: ConversionFailure] = [:]
    }

    func run() -> Outcome {
        var outcome = Outcome()
        var pending = initialUnits()
        var round = 0
        while !pending.isEmpty {
            round += 1
            let results = convert(pending, round: round)
            pending = []
            for (unit, result) in zip(results.units, results.outcomes) {
                switch result {
                case .success(let (pdf, ranges)):
                    outcome.pdfs.append(pdf)
                    for (item, range) in zip(unit.items, ranges) {
                        outcome.placements[item] = Placement(pdf: outcome.pdfs.count - 1, pages: range)
                    }
                case .failure(let failure):
                    let retries = retry(unit)
                    if retries.isEmpty { for item in unit.items { outcome.failures[item] = failure } }
                    pending += retries
                }
            }
            progress.markDone(Set(outcome.placements.keys).union(outcome.failures.keys))
        }
        return outcome
    }

    /// Runs of documents that share a head (same kind, same template) in chunks; the rest one by one.
    func initialUnits() -> [ConversionUnit] {
        var units: [ConversionUnit] = []
        var run: [Int] = []
        func close() {
            if !run.isEmpty { units.append(ConversionUnit(items: run, mode: .combined)) }
            run = []
        }
        for index in items.indices where !skipping.contains(index) {
            guard let document = combinables[index] else {
                close()
                units.append(ConversionUnit(items: [index], mode: .batched))
                continue
            }
            if let last = run.last,
                items[last].document.kind != items[index].document.kind || combinables[last]?.head != document.head
                || run.count >= options.chunkSize { close() }
            run.append(index)
        }
        close()
        return units
    }

    /// What to try after `unit` failed: halves of a combined file, a single document alone, or nothing.
    func retry(_ unit: ConversionUnit) -> [ConversionUnit] {
        switch unit.mode {
        case .combined where unit.items.count > 1:
            let middle = unit.items.count / 2
            return [ConversionUnit(items: Array(unit.items[..<middle]), mode: .combined),
                    ConversionUnit(items: Array(unit.items[middle...]), mode: .combined)]
        case .combined, .batched: return [ConversionUnit(items: unit.items, mode: .alone)]
        case .alone: return []
        }
    }

    // MARK: One round

    /// Why a unit gave no PDF; rendered in Chinese by `PrintMessages`.
    enum ConversionFailure: Error, Sendable, Equatable {
        /// The document could not be read back (changed since it was checked).
        case unreadable(BuiltDocument.Problem)
        /// The file for LibreOffice could not be written.
        case workspace(OutputError)
        /// LibreOffice was not run for it (its input could not be written).
        case notRun
        case cannotStart(LibreOffice.Failure)
        case timedOut(seconds: Double)
        case noPDF
        /// qpdf could not read the PDF LibreOffice wrote.
        case unreadablePDF(QPDF.Failure)
        case noPages
        /// The PDF of a combined file does not show where each document starts.
        case noDocumentStarts
    }

    /// The PDF of a unit and the page range of each of its documents, or why there is none.
    typealias UnitOutcome = Result<(SourcePDF, [Range<Int>]), ConversionFailure>

    private struct RoundResult {
        var units: [ConversionUnit]
        var outcomes: [UnitOutcome]
    }

    /// Writes the input file of every unit, converts them on the pool (at most `processes` LibreOffice
    /// processes at a time) and reads the PDFs back.
    private func convert(_ units: [ConversionUnit], round: Int) -> RoundResult {
        let directory = workspace.appendingPathComponent("round-\(round)")
        let inputs = ParallelMap.run(Array(units.enumerated())) { (index, unit) throws(ConversionFailure) -> URL in
            try writeInput(unit, name: String(format: "%04d", index), in: directory)
        }
        let files = inputs.map { try? $0.get() }
        var outcomes: [UnitOutcome] = inputs.map { result in
            if case .failure(let error) = result { return .failure(error) }
            return .failure(.notRun)
        }
        let pool = ConversionPool(office: office, processes: options.processes)
        let jobs = pool.schedule(units.indices.filter { files[$0] != nil }.map {
            ConversionPool.Work(index: $0, weight: units[$0].items.count, alone: units[$0].mode == .alone)
        })
        let converted = pool.run(jobs) { job in
            runJob(job, units: units, files: files, output: directory.appendingPathComponent("pdf"))
        }
        for results in converted {
            for (index, outcome) in results { outcomes[index] = outcome }
        }
        return RoundResult(units: units, outcomes: outcomes)
    }

    private func writeInput(_ unit: ConversionUnit, name: String, in directory: URL) throws(ConversionFailure) -> URL {
        let url: URL, bytes: [UInt8]
        if unit.mode == .combined {
            url = directory.appendingPathComponent(name + ".fodt")
            let documents = unit.items.compactMap { combinables[$0] }
            bytes = ODFCombiner.combine(documents, title: items[unit.items[0]].document.kind.chineseName)
        } else {
            let item = items[unit.items[0]]
            url = directory.appendingPathComponent(name + "." + (item.document.path as NSString).pathExtension)
            do { bytes = try BuiltDocument.read(item.document, in: item.build) } catch { throw .unreadable(error) }
        }
        do { try OutputFiles.writeAtomically(bytes, to: url) } catch { throw .workspace(error) }
        return url
    }

    /// Converts one job's files in one LibreOffice process; returns the outcome of each unit.
    private func runJob(_ job: [Int], units: [ConversionUnit], files: [URL?], output: URL) -> [(Int, UnitOutcome)] {
        let inputs = job.compactMap { files[$0] }
        let documents = job.reduce(0) { $0 + units[$1].items.count }
        let timeout = options.baseTimeout + options.secondsPerDocument * Double(documents)
        let expected = job.map {
            (units[$0].items, LibreOffice.output(of: files[$0]!, format: options.exportFormat, in: output))
        }
        let attempt: LibreOffice.Attempt
        do {
            attempt = try office.attempt(inputs, to: options.exportFormat, into: output, timeout: timeout) {
                for (items, pdf) in expected where FileManager.default.fileExists(atPath: pdf.path) {
                    progress.markDone(Set(items))
                }
            }
        } catch {
            return job.map { ($0, .failure(.cannotStart(error))) }
        }
        return zip(job, attempt.outputs).map { index, pdf in
            guard let pdf else {
                return (index, .failure(attempt.timedOut ? .timedOut(seconds: timeout) : .noPDF))
            }
            return (index, Result { () throws(ConversionFailure) in try pages(of: pdf, unit: units[index]) })
        }
    }

    /// Reads a converted PDF (through qpdf) and finds the page range of each document of `unit`.
    private func pages(of url: URL, unit: ConversionUnit) throws(ConversionFailure) -> (SourcePDF, [Range<Int>]) {
        let pdf: SourcePDF
        do { pdf = try qpdf.read(url) } catch { throw .unreadablePDF(error) }
        guard pdf.pageCount > 0 else { throw .noPages }
        guard unit.mode == .combined else { return (pdf, [0..<pdf.pageCount]) }
        let starts = unit.items.indices.map { pdf.destinations[ODFCombiner.bookmark($0)] }
        let found = starts.compactMap { $0 }
        guard found.count == starts.count, found.first == 0, zip(found, found.dropFirst()).allSatisfy({ $0 < $1 })
        else {
            throw .noDocumentStarts
        }
        let ends = Array(found.dropFirst()) + [pdf.pageCount]
        return (pdf, zip(found, ends).map { $0..<$1 })
    }
}
