import Foundation
import ShufaCatalog
import ShufaODF
import ShufaSystem

/// What printing asks of qpdf (https://qpdf.readthedocs.io): it reads the PDFs LibreOffice writes (pages and
/// named destinations, through its JSON output) and cuts and joins their pages (`--pages`), copying fonts and
/// pictures once per file. The primary input's catalog is kept, cleaned of what points to pages left out, so a
/// PDF/A file cut or joined from LibreOffice's output keeps its XMP metadata and output intent.
extension QPDF {
    // MARK: Reading

    /// Reads a PDF LibreOffice wrote: its pages, named destinations and document-level objects.
    func read(_ url: URL) throws(Failure) -> SourcePDF {
        let file = url.lastPathComponent
        let json = try object(
            run(["--json=2", "--json-key=pages", "--json-key=qpdf", url.path, "-"], file: file), file: file)
        guard let pages = json["pages"] as? [[String: Any]], let qpdf = json["qpdf"] as? [Any], qpdf.count == 2,
              let header = qpdf[0] as? [String: Any], let objects = qpdf[1] as? [String: Any],
              let trailer = (objects["trailer"] as? [String: Any])?["value"] as? [String: Any],
              let root = trailer["/Root"] as? String, let catalog = Self.value(objects, root) as? [String: Any] else {
            throw .unexpectedOutput(file: file)
        }
        let pageObjects = pages.compactMap { $0["object"] as? String }
        let positions = Dictionary(pageObjects.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var destinations: [String: Int] = [:]
        func add(_ name: String, _ destination: Any?) {
            var target = Self.value(objects, destination)
            if let dictionary = target as? [String: Any] { target = Self.value(objects, dictionary["/D"]) }
            if let page = (target as? [Any])?.first as? String, let position = positions[page] {
                destinations[name] = position
            }
        }
        if let dests = Self.value(objects, catalog["/Dests"]) as? [String: Any] {
            for (key, value) in dests { add(String(key.dropFirst()), value) }
        }
        if let tree = Self.value(objects, (Self.value(objects, catalog["/Names"]) as? [String: Any])?["/Dests"])
            as? [String: Any]
        {
            Self.walkNameTree(tree, objects: objects, depth: 0, add)
        }
        var level = DocumentLevel(maxObject: header["maxobjectid"] as? Int ?? 0, catalog: root,
            catalogEntries: Self.encode(catalog.filter { DocumentLevel.catalogKeys.contains($0.key) }))
        if let info = trailer["/Info"] as? String, let entries = Self.value(objects, info) as? [String: Any] {
            level.info = (info, Self.encode(entries))
        }
        if let metadata = catalog["/Metadata"] as? String {
            let stream = (objects["obj:" + metadata] as? [String: Any])?["stream"] as? [String: Any]
            let compressed = (stream?["dict"] as? [String: Any])?["/Filter"] != nil
            level.metadata = (metadata, compressed ? nil : try xmp(url, object: metadata))
        }
        return SourcePDF(url: url, pageCount: pageObjects.count, destinations: destinations, documentLevel: level)
    }

    /// The data of the (unfiltered) XMP metadata stream `reference` ("N 0 R").
    private func xmp(_ url: URL, object reference: String) throws(Failure) -> [UInt8] {
        let file = url.lastPathComponent
        let number = String(reference.prefix { $0 != " " })
        let json = try object(
            run(
                ["--json=2", "--json-key=qpdf", "--json-object=\(number)", "--json-stream-data=inline", url.path, "-"],
                file: file), file: file)
        guard let objects = (json["qpdf"] as? [Any])?.last as? [String: Any],
            let data = ((objects["obj:" + reference] as? [String: Any])?["stream"] as? [String: Any])?["data"]
                as? String,
            let bytes = Data(base64Encoded: data)
        else { throw .unexpectedOutput(file: file) }
        return Array(bytes)
    }

    private static func walkNameTree(
        _ node: [String: Any], objects: [String: Any], depth: Int, _ add: (String, Any?) -> Void
    ) {
        guard depth < 32 else { return }
        if let names = value(objects, node["/Names"]) as? [Any] {
            for pair in stride(from: 0, to: names.count - 1, by: 2) {
                if let key = value(objects, names[pair]) as? String { add(text(key), names[pair + 1]) }
            }
        }
        for kid in value(objects, node["/Kids"]) as? [Any] ?? [] {
            if let child = value(objects, kid) as? [String: Any] {
                walkNameTree(child, objects: objects, depth: depth + 1, add)
            }
        }
    }

    /// The value of indirect object `reference` ("N 0 R"), or `reference` itself when it is not one.
    private static func value(_ objects: [String: Any], _ reference: Any?) -> Any? {
        guard let string = reference as? String, string.hasSuffix(" R"),
            let object = objects["obj:" + string] as? [String: Any]
        else { return reference }
        return object["value"] ?? object["stream"]
    }

    /// A qpdf JSON string as text: `u:` (text), `b:` (hex bytes, taken as UTF-8) or a name.
    private static func text(_ string: String) -> String {
        if string.hasPrefix("u:") { return String(string.dropFirst(2)) }
        guard string.hasPrefix("b:") else { return string }
        var bytes: [UInt8] = []
        var hex = string.dropFirst(2)
        while hex.count >= 2, let byte = UInt8(hex.prefix(2), radix: 16) { bytes.append(byte); hex = hex.dropFirst(2) }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Writing

    /// One run of pages of an output file: pages `pages` (0-based) of `file`.
    struct PageRun: Sendable {
        var file: URL
        var pages: Range<Int>
    }

    /// Writes `output` holding `runs` in order, with the document-level objects of `primary` (a source of
    /// the first run, or any source) titled `title` (nil keeps the source's title). `scratch` is a folder
    /// for the instructions handed to qpdf.
    func write(_ runs: [PageRun], primary: SourcePDF, title: String?, to output: URL, scratch: URL) throws(Failure) {
        let name = output.lastPathComponent
        let update = scratch.appendingPathComponent(UUID().uuidString + ".json")
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            try primary.documentLevel.update(title: title).write(to: update)
        } catch { throw .workspace(file: name, path: update.path) }
        defer { try? FileManager.default.removeItem(at: update) }
        let pages = runs.flatMap { [$0.file.path, "\($0.pages.lowerBound + 1)-\($0.pages.upperBound)"] }
        _ = try run(
            [
                "--deterministic-id", "--stream-data=preserve", primary.url.path, "--update-from-json=\(update.path)",
                "--pages",
            ] + pages + ["--", output.path], file: name)
    }

    /// Writes a one-page blank A4 PDF (the back of a sheet for duplex printing) to `output`.
    func writeBlankPage(to output: URL) throws(Failure) {
        let a4 = [0, 0, 595.303937007874, 841.889763779528]
        let objects: [String: Any] = [
            "obj:1 0 R": ["value": ["/Type": "/Catalog", "/Pages": "2 0 R"]],
            "obj:2 0 R": ["value": ["/Type": "/Pages", "/Kids": ["3 0 R"], "/Count": 1]],
            "obj:3 0 R": [
                "value": [
                    "/Type": "/Page", "/Parent": "2 0 R", "/MediaBox": a4, "/Resources": [String: Any](),
                    "/Contents": "4 0 R",
                ]
            ],
            "obj:4 0 R": ["stream": ["dict": [String: Any](), "data": ""]],
            "trailer": ["value": ["/Root": "1 0 R", "/Size": 5]],
        ]
        let json = output.deletingPathExtension().appendingPathExtension("json")
        do { try DocumentLevel.document(maxObject: 4, objects: objects).write(to: json) } catch {
            throw .workspace(file: output.lastPathComponent, path: json.path)
        }
        _ = try run(["--deterministic-id", "--json-input", json.path, output.path], file: output.lastPathComponent)
    }

    private func object(_ data: Data, file: String) throws(Failure) -> [String: Any] {
        guard let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw .unexpectedOutput(file: file)
        }
        return json
    }

    static func encode(_ value: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
    }
}
