import Foundation

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
                let key = Self.key(kind, file)
                let data: Data
                do { data = try Self.read(file, in: directory) } catch {
                    errors.append(TemplateError(location: TemplateLocation(file: file), problem: error))
                    continue
                }
                do {
                    compiled[key] = try TemplateCompiler.compile(Array(data), file: file, fields: DocumentData.fields(for: kind))
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

    /// The bytes of the template `file` in `directory`: a regular file inside the folder (after symbolic
    /// links are resolved), of at most `maximumBytes`.
    private static func read(_ file: String, in directory: URL) throws(TemplateError.Problem) -> Data {
        let url = directory.appendingPathComponent(file)
        guard TemplatePath.isConfined(file) else { throw .outsideFolder }
        let folder = directory.resolvingSymlinksInPath().standardizedFileURL.path
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
        guard resolved.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") else { throw .outsideFolder }
        do { return try RegularFile.read(url, limit: maximumBytes) } catch {
            if error == .missing { throw .unreadable("no such file in \(directory.lastPathComponent)/") }
            throw .file("\(error)")
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

    private static func key(_ kind: DocumentKind, _ file: String) -> String { "\(kind.rawValue)/\(file)" }
}
