import Foundation
@testable import ShufaCatalog
import ShufaKit
import Testing
import Yams

/// The decoded catalog kept between commands is what decoding the YAML gives, and only for the same bytes.
@Suite("ShufaCatalog: the decoded catalog kept in the cache folder")
struct CatalogCacheTests {
    static let file = Repo.templates.appendingPathComponent("catalog.yaml")

    static func same(_ one: Catalog, _ other: Catalog) -> Bool {
        one.roles == other.roles && one.grades == other.grades && one.lawLength == other.lawLength
            && one.locality == other.locality && one.reportForms == other.reportForms
            && one.retiredPrompts == other.retiredPrompts
    }

    @Test("kept after the first load, read back as the YAML decodes, the catalog the same either way")
    func keptAndReadBack() throws {
        let cache = Repo.temporaryDirectory()
        let first = try Catalog.load(from: Self.file, cache: cache)
        let kept = try Data(contentsOf: cache.appendingPathComponent(CatalogCache.fileName))
        #expect(kept.prefix(65).allSatisfy { $0 == 0x0A || (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        let data = try Data(contentsOf: Self.file)
        let decoded = try YAMLDecoder().decode(RawCatalog.self, from: String(decoding: data, as: UTF8.self))
        #expect(CatalogCache(folder: cache, catalog: data)?.read() == decoded)
        let second = try Catalog.load(from: Self.file, cache: cache)
        let plain = try Catalog.load(from: Self.file)
        #expect(Self.same(first, second) && Self.same(second, plain))
    }

    @Test("a changed catalog is decoded again, never read from what another catalog left; a broken entry is passed by")
    func changedOrBroken() throws {
        let cache = Repo.temporaryDirectory()
        let folder = Repo.temporaryDirectory("changedOrBrokenCatalog")
        let edited = folder.appendingPathComponent("catalog.yaml")
        _ = try Catalog.load(from: Self.file, cache: cache)
        let text = try String(contentsOf: Self.file, encoding: .utf8)
        let grades = try #require(Repo.catalog.grades.first)
        try text.replacingOccurrences(of: grades, with: "出色").write(to: edited, atomically: true, encoding: .utf8)
        let changed = try Catalog.load(from: edited, cache: cache)
        #expect(changed.grades.first == "出色")
        let entry = cache.appendingPathComponent(CatalogCache.fileName)
        var bytes = try Data(contentsOf: entry)
        bytes.replaceSubrange(70..<80, with: Array("{{{{{{{{{{".utf8))
        try bytes.write(to: entry)
        #expect(try Catalog.load(from: edited, cache: cache).grades.first == "出色")
    }
}
