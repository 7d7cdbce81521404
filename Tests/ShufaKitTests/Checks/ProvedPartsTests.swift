import Foundation
@testable import ShufaChecks
import ShufaKit
import ShufaXML
import Testing


/// `shufa check` validates the style parts a batch's documents share once (`ProvedParts`); these tests hold its
/// issues equal to validating each document whole, on generated reports, reports saved by LibreOffice, and
/// documents made to trip it: the same styles around an invalid body, invalid styles, the styles' prefix bound to
/// another namespace, an `xml:id`.
@Suite("Style parts validated once give what validating every document whole gives")
struct ProvedPartsTests {
    static let schema: RelaxNGSchema = {
        let path = Repo.schemas.appendingPathComponent(ODFValidator.schemaFiles[0]).path
        do { return try RelaxNGSchema(path: path) } catch { fatalError("\(error)") }
    }()

    /// Flat XML documents: generated reports, LibreOffice's, and variants of a generated one.
    static func documents() throws -> [(name: String, bytes: [UInt8])] {
        let folder = Repo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let request = BuildRequest(roster: Repo.roster, templates: Repo.templates, output: folder, formats: [.fodt],
                                   kinds: [.report, .draft])
        let summary = try BatchBuilder(request).run()
        var documents = try summary.documents.prefix(6).map {
            ($0.path, Array(try Data(contentsOf: folder.appendingPathComponent($0.path))))
        }
        let returned = Repo.fixtures.appendingPathComponent("returned")
        for name in ["generated.fodt", "prompt-style.fodt"] {
            documents.append((name, Array(try Data(contentsOf: returned.appendingPathComponent(name)))))
        }
        let generated = String(decoding: documents[0].1, as: UTF8.self)
        let variants = [
            ("invalid body", generated.replacingOccurrences(
                of: "<text:p text:style-name=\"Body\">", with: "<text:p text:bogus=\"1\" text:style-name=\"Body\">")),
            ("invalid styles", generated.replacingOccurrences(
                of: "<style:style ", with: "<style:style style:bogus=\"1\" ")),
            ("prefix rebound", generated.replacingOccurrences(
                of: "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"",
                with: "xmlns:style=\"urn:example:not-odf-style\"")),
            ("xml:id", generated.replacingOccurrences(of: "<text:p text:style-name=\"Body\">",
                                                      with: "<text:p xml:id=\"p1\" text:style-name=\"Body\">")),
        ]
        for (name, text) in variants {
            #expect(text != generated, "\(name)")
            documents.append((name, Array(text.utf8)))
        }
        return documents
    }

    @Test("in any order, twice over, the issues are those of validating whole")
    func sameIssues() throws {
        let documents = try Self.documents()
        for order in [documents, documents.reversed(), documents + documents] {
            let proved = ProvedParts()
            var validCount = 0
            for (name, bytes) in order {
                let whole = Self.schema.validate(try XMLDocument(bytes: bytes, source: name))
                let document = try XMLDocument(bytes: bytes, source: name)
                let before = document.root!.serializedSubtree()
                #expect(proved.validate(document, bytes: bytes, with: Self.schema) == whole, "\(name)")
                #expect(document.root!.serializedSubtree() == before, "\(name): the tree is put back")
                if whole.isEmpty { validCount += 1 }
            }
            #expect(validCount >= 6)
        }
        let names = ["invalid body", "invalid styles", "prefix rebound"]
        let invalid = try Self.documents().filter { names.contains($0.name) }
        for (name, bytes) in invalid {
            #expect(!Self.schema.validate(try XMLDocument(bytes: bytes, source: name)).isEmpty, "\(name)")
        }
    }
}
