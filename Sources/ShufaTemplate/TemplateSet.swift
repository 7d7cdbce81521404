import Foundation
import ShufaCatalog
import ShufaSystem

/// All templates a batch needs, each read and compiled once.
public struct TemplateSet: Sendable {
    private let compiled: [String: CompiledTemplate]

    /// Compiles every template file the catalog names for `kinds`, from `directory`.
    /// Throws every template error found, before any document is written.
    public init(catalog: Catalog, directory: URL, kinds: Set<DocumentKind>) throws(TemplateErrors) {
        var compiled: [String: CompiledTemplate] = [:]
        var errors: [TemplateError] = []
        for (kind, files) in catalog.templateFiles.sorted(by: { $0.key < $1.key }) where kinds.contains(kind) {
            for file in files.sorted() {
                let url = Self.source(of: file, in: directory)
                let data: Data
                do { data = try Self.read(url, named: file, in: directory) } catch {
                    errors.append(TemplateError(location: TemplateLocation(file: file), problem: error))
                    continue
                }
                do {
                    let bytes = try PackageTemplate.flatBytes(data, file: url.lastPathComponent)
                    let fields = DocumentData.fields(for: kind)
                    var template = try TemplateCompiler.compile(bytes, file: url.lastPathComponent, fields: fields)
                    template.key = Self.key(kind, file)
                    compiled[template.key] = template
                } catch {
                    errors += error.errors
                }
            }
        }
        guard errors.isEmpty else { throw TemplateErrors(errors: errors) }
        self.compiled = compiled
    }

    /// The largest template read: a real one is tens of kilobytes (a few hundred with a logo); a document
    /// made from a much larger one could not be read back and checked.
    public static let maximumBytes = 8 << 20

    /// The bytes of the template the catalog names `file`, read from `url` (its source in `directory`): a
    /// regular file inside the folder (after symbolic links are resolved), of at most `maximumBytes`.
    private static func read(_ url: URL, named file: String, in directory: URL) throws(TemplateError.Problem) -> Data {
        guard TemplatePath.isConfined(file) else { throw .outsideFolder }
        let folder = directory.resolvingSymlinksInPath().standardizedFileURL.path
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
        guard resolved.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") else { throw .outsideFolder }
        do { return try RegularFile.read(url, limit: maximumBytes) } catch {
            if error == .missing { throw .missingFile(folder: directory.lastPathComponent) }
            throw .file(error)
        }
    }

    /// The compiled template of `kind` for `role`, if the role has one.
    public func template(_ kind: DocumentKind, for role: Role) -> CompiledTemplate? {
        role.templates[kind].flatMap { compiled[Self.key(kind, $0)] }
    }

    /// The ballot template (shared by all units).
    public func ballotTemplate(catalog: Catalog) -> CompiledTemplate? {
        catalog.roles.lazy.compactMap { self.template(.ballot, for: $0) }.first
    }

    /// True when a template of `kind` was compiled.
    package func hasTemplates(_ kind: DocumentKind) -> Bool {
        compiled.keys.contains { $0.hasPrefix(kind.rawValue + "/") }
    }

    /// Every template compiled, each once.
    package var all: [CompiledTemplate] { compiled.keys.sorted().map { compiled[$0]! } }

    private static func key(_ kind: DocumentKind, _ file: String) -> String { "\(kind.rawValue)/\(file)" }

    /// The file to read for the template the catalog names `file`: an ODF template saved the other way
    /// (`report.odt` for `report.fodt` and back, as LibreOffice's 另存为 does) counts as the same
    /// template, and when both are there the one saved last is read; a Word/WPS file of that name is
    /// read too, to be refused with what to do.
    static func source(of file: String, in directory: URL) -> URL {
        let named = directory.appendingPathComponent(file)
        let stem = (file as NSString).deletingPathExtension
        let others = ["fodt", "odt"] + PackageTemplate.wordExtensions.sorted()
        let candidates =
            [named] + others.map { directory.appendingPathComponent(stem + "." + $0) }.filter { $0 != named }
        let existing = candidates.compactMap { url -> (URL, Date)? in
            guard let values = try? url.resourceValues(forKeys: [.contentModificationDateKey]),
                  let date = values.contentModificationDate else { return nil }
            return (url, date)
        }
        let odf = existing.filter { ["fodt", "odt"].contains($0.0.pathExtension.lowercased()) || $0.0 == named }
        return (odf.isEmpty ? existing : odf).max { $0.1 < $1.1 }?.0 ?? named
    }
}
