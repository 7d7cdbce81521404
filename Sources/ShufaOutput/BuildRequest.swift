import Foundation
import ShufaCatalog
import ShufaChecks
import ShufaRoster
import ShufaSystem
import ShufaTemplate

/// What to build.
public struct BuildRequest: Sendable {
    public var roster: URL
    public var templates: URL
    public var output: URL
    public var formats: [OutputFormat]
    public var kinds: Set<DocumentKind>
    /// When set, every document written is checked (reports with every rule, the others against the
    /// schema) and the findings go into the summary.
    public var validator: ODFValidator?
    /// How to read the roster (encoding of CSV/TSV, sheet of a spreadsheet).
    public var rosterOptions: RosterReadOptions
    /// Refuse the whole batch, writing nothing, when any roster record is bad.
    public var strict: Bool
    /// Documents made from the whole roster by later stages of the pipeline (the tally's entry workbook),
    /// written when `kinds` holds their kind.
    public var rosterDocuments: [any RosterDocumentWriter] = []
    /// Word copies (.docx) of the documents, made from the ODF documents once the batch is written; none
    /// when nil.
    public var word: WordOptions?
    /// The folder where what a batch works out is kept for the next (`CacheFolder`): the schema proofs of the
    /// checks (`ProofCache`), so that a batch of templates and document shapes proved before validates nothing,
    /// and the decoded catalog (`Catalog.load`); nil keeps none (every batch works them out again).
    /// `BuildRequest.defaultCache` is the command line's.
    public var cache: URL?

    /// `$SHUFA_CACHE_DIR` (empty: none), else `$XDG_CACHE_HOME/shufa`, else `~/.cache/shufa`.
    public static var defaultCache: URL? { CacheFolder.standard() }

    public init(roster: URL, templates: URL, output: URL, formats: [OutputFormat] = [.fodt],
                kinds: Set<DocumentKind> = Set(DocumentKind.allCases), validator: ODFValidator? = nil,
                rosterOptions: RosterReadOptions = RosterReadOptions(), strict: Bool = false) {
        self.roster = roster
        self.templates = templates
        self.output = output
        self.formats = formats
        self.kinds = kinds
        self.validator = validator
        self.rosterOptions = rosterOptions
        self.strict = strict
    }
}
