import Foundation
import ShufaRoster
import ShufaSystem
import Yams

/// Everything `templates/catalog.yaml` says: roles, their points, 职责清单, minimums, grades.
public struct Catalog: Sendable {
    /// Roles in output order.
    public var roles: [Role]
    /// The assessment grades (考核等次).
    public var grades: [String]
    public var lawLength: LawLength
    /// The place names and levels of the catalog's texts (`locality`).
    public var locality: Locality
    /// Which report forms are acceptable (报告形式); seed 004's rule when the catalog does not say.
    public var reportForms: ReportFormSettings = .seed004
    /// Prompts of earlier draft templates (`retiredPrompts`), still recognised in drafts handed out before
    /// the templates changed.
    public var retiredPrompts: [String] = []

    /// The role named `name`, if any.
    public func role(named name: String) -> Role? { roles.first { $0.name == name } }

    /// Every template file any role uses, by kind.
    public var templateFiles: [DocumentKind: Set<String>] {
        var files: [DocumentKind: Set<String>] = [:]
        for role in roles { for (kind, file) in role.templates { files[kind, default: []].insert(file) } }
        return files
    }
}

extension Catalog {
    /// The largest catalog read.
    package static let maximumBytes = 16 << 20

    /// Reads `catalog.yaml` and resolves every role's references. An error names the line it is on.
    ///
    /// - Parameter cache: the folder where the decoded catalog is kept for the next command (`CatalogCache`); a
    ///   catalog whose bytes were decoded before by this program is read from there instead of its YAML.
    public static func load(from url: URL, cache: URL? = nil) throws(CatalogError) -> Catalog {
        let file = url.lastPathComponent
        let data: Data
        do { data = try RegularFile.read(url, limit: maximumBytes) } catch {
            throw CatalogError(file: file, .file(error))
        }
        let kept = cache.flatMap { CatalogCache(folder: $0, catalog: data) }
        if let raw = kept?.read(), let catalog = try? raw.resolve(file: file) { return catalog }
        let text: String
        do { text = try CatalogText.text(data) } catch { throw CatalogError(file: file, error) }
        do {
            let raw = try YAMLDecoder().decode(RawCatalog.self, from: text)
            let catalog = try raw.resolve(file: file)
            kept?.write(raw)
            return catalog
        } catch let error as CatalogError {
            throw CatalogText.located(error, in: text)
        } catch let error as DecodingError {
            throw CatalogText.located(CatalogError(file: file, error), in: text)
        } catch {
            throw CatalogError(file: file, YAMLGuard.fault(error))
        }
    }
}
