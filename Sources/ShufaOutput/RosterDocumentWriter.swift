import Foundation
import ShufaCatalog
import ShufaRoster
import ShufaSystem

/// Writes documents made from the whole roster (not per leader or unit), e.g. the tally's entry workbook;
/// given to a build by a later stage of the pipeline, so ShufaKit need not know it.
public protocol RosterDocumentWriter: Sendable {
    /// The kind of the documents written; they are made when the build's kinds include it.
    var kind: DocumentKind { get }
    /// Writes the documents into the batch's output folder (paths under the kind's folder) and returns them
    /// for `summary.json`.
    func write(_ roster: Roster, catalog: Catalog, into folder: OutputFolder) throws -> [BuildSummary.Document]
}
