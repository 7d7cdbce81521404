import Foundation
import ShufaSystem

/// Converts built ODF documents to .docx through the LibreOffice pool: the whole batch in one round (at most
/// one process per core, each converting its share in one run), then every document that got no .docx once
/// more, alone in a process of its own. Exit 0 proves nothing: a conversion counts only when its file is there.
package struct WordConverter {
    let options: WordOptions

    /// LibreOffice's export filter for Word 2007–365 documents.
    package static let format = "docx:MS Word 2007 XML"

    /// The .docx of each file of `files` (written into `directory`), or why there is none.
    func convert(_ files: [URL], into directory: URL) -> [Result<URL, WordError>] {
        var results: [Result<URL, WordError>] = files.map { _ in .failure(.notConverted(timedOut: false)) }
        let pool = ConversionPool(office: options.office, processes: options.processes)
        var pending = Array(files.indices)
        for alone in [false, true] where !pending.isEmpty {
            let runs = pool.schedule(pending.map { ConversionPool.Work(index: $0, weight: 1, alone: alone) })
            let outcomes = pool.run(runs) { run in attempt(run.map { files[$0] }, into: directory) }
            for (run, outcome) in zip(runs, outcomes) {
                for (index, result) in zip(run, outcome) { results[index] = result }
            }
            pending = pending.filter { if case .failure = results[$0] { true } else { false } }
        }
        return results
    }

    /// One LibreOffice run over `files`.
    private func attempt(_ files: [URL], into directory: URL) -> [Result<URL, WordError>] {
        let timeout = options.baseTimeout + options.secondsPerDocument * Double(files.count)
        let attempt: LibreOffice.Attempt
        do { attempt = try options.office.attempt(files, to: Self.format, into: directory, timeout: timeout) } catch {
            return files.map { _ in .failure(.converterFailed(error)) }
        }
        return attempt.outputs.map { output in
            output.map { .success($0) } ?? .failure(.notConverted(timedOut: attempt.timedOut))
        }
    }
}
