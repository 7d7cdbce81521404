import Foundation
import ShufaArchive
import ShufaKit

/// What every request shares: the configuration, the data folder, the catalog and checks loaded once, the
/// accounts, the state, the archive, the journal, the jobs and the pages.
public final class Desk: Sendable {
    public let configuration: DeskConfiguration
    let folder: DataFolder
    let accounts: AccountStore
    let journal: DeskJournal
    let catalog: Catalog
    let validator: ODFValidator?
    let prompts: PromptTexts
    let archive: DocumentArchive
    let state: DeskState
    let jobs: JobBoard
    let pages: PageRenderer
    /// LibreOffice runs at once.
    let office: AsyncGate

    /// Opens the data folder (making it when new), loads the catalog, the schemas and the pages.
    public init(_ configuration: DeskConfiguration) async throws {
        self.configuration = configuration
        folder = DataFolder(configuration.data)
        try folder.prepare()
        accounts = AccountStore(folder: folder, cost: configuration.bcryptCost)
        journal = DeskJournal(file: folder.journal)
        do { catalog = try Catalog.load(from: configuration.templates.appendingPathComponent("catalog.yaml")) } catch {
            throw DeskError.setup("模板目录 \(error)")
        }
        validator = try configuration.schemas.map(ValidatorCache.validator)
        prompts = PromptTexts(catalog: catalog, templates: configuration.templates)
        do { archive = try DocumentArchive(folder.archive, create: true) } catch { throw DeskError.archive(error) }
        state = DeskState(folder: folder)
        jobs = JobBoard()
        pages = try await PageRenderer()
        office = AsyncGate(width: configuration.officeJobs)
    }

    /// The checker every report goes through, as `shufa check` builds it.
    var checker: ReportChecker { ReportChecker(catalog: catalog, validator: validator, prompts: prompts) }

    /// How the archive reads what it is given, as `shufa archive add` sets it up.
    func collectOptions(year: Int? = nil, leader: String? = nil) -> CollectOptions {
        CollectOptions(checker: checker, fontConfig: configuration.fontConfig, year: year, leader: leader)
    }

    /// Archives `inputs` (build folders, returned reports, tally results) as `shufa archive add` does, the
    /// trail naming the account.
    func archiveAdd(_ inputs: [URL], options: CollectOptions, account: Account) throws(DeskError) -> AddReport {
        let collected = InputCollector(options: options, archive: archive).collect(inputs)
        do {
            return try ArchiveAdder(archive: archive).add(
                collected, actor: ArchiveMessages.actor("shufa serve", account: account.name))
        } catch {
            throw .archive(error)
        }
    }

    /// Runs the work an upload is for; when it refuses the file, the file is not kept (unless a record uses
    /// the same content).
    func accepting<T: Sendable>(_ upload: StoredUpload, _ work: () async throws -> T) async throws -> T {
        do { return try await work() } catch {
            if !state.references(upload.sha256) { try? FileManager.default.removeItem(at: upload.url(in: folder)) }
            throw error
        }
    }

    /// The ODF formats documents are built in for download: the packages (.odt); Flat XML is for the command
    /// line. The Word copies (.docx) are made from them (`BuildRequest.word`).
    static var builtFormats: [OutputFormat] { OutputFormat.allCases.filter { $0 != .fodt } }
}
