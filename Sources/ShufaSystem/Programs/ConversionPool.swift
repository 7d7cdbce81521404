import Foundation

/// A small pool of headless LibreOffice processes for one batch: at most `processes` run at once (one per
/// core), each with a profile of its own, each converting its share of the batch's files in one run.
/// Printing (PDF) and the Word copies of a build (.docx) both go through it.
package struct ConversionPool: Sendable {
    package let office: LibreOffice
    /// LibreOffice processes run at once.
    package let processes: Int

    package init(office: LibreOffice, processes: Int) {
        self.office = office
        self.processes = processes
    }

    /// A piece of work for the pool: `weight` documents, converted with others unless `alone`.
    package struct Work: Sendable {
        package var index: Int
        package var weight: Int
        package var alone: Bool

        package init(index: Int, weight: Int, alone: Bool) {
            (self.index, self.weight, self.alone) = (index, weight, alone)
        }
    }

    /// Groups `work` into LibreOffice runs: at most `processes` shared runs of about equal weight (largest
    /// first, each to the lightest run), and a run of its own for each piece marked `alone`. Each run lists
    /// the indexes of its work, in order.
    package func schedule(_ work: [Work]) -> [[Int]] {
        var alone: [[Int]] = []
        var shared: [(load: Int, items: [Int])] = Array(repeating: (0, []), count: processes)
        for piece in work.sorted(by: { $0.weight > $1.weight }) {
            if piece.alone {
                alone.append([piece.index])
                continue
            }
            let lightest = shared.indices.min { shared[$0].load < shared[$1].load }!
            shared[lightest].load += piece.weight
            shared[lightest].items.append(piece.index)
        }
        return shared.map { $0.items.sorted() }.filter { !$0.isEmpty } + alone
    }

    /// Calls `body` for every run, at most `processes` at a time (each call starts one LibreOffice);
    /// returns the results in the order of `runs`.
    package func run<R: Sendable>(_ runs: [[Int]], _ body: @Sendable ([Int]) -> R) -> [R] {
        let slots = DispatchSemaphore(value: processes)
        return ParallelMap.run(runs) { run -> R in
            slots.wait()
            defer { slots.signal() }
            return body(run)
        }.map { try! $0.get() }
    }
}
