import Crypto
import ShufaODF

/// One page of an assembled PDF: a page of a source file, or a blank sheet side (for duplex printing).
enum PDFPageSource: Sendable, Equatable {
    case page(file: Int, index: Int)
    case blank
}

/// Writes a new PDF from pages of PDFs LibreOffice wrote: only the objects those pages use are copied
/// (fonts, images, content streams — each once, however many times a page repeats), under a new page
/// tree. The first file's PDF/A identification (XMP metadata, output intents) and document information
/// are kept, with the title replaced, so a split or combined PDF/A file stays PDF/A.
struct PDFAssembler {
    /// Keys of a source page dictionary that are not copied: the old page tree, links and the structure
    /// tree (which point back to pages that may not be part of the new file), thumbnails and beads.
    static let droppedPageKeys: Set<String> = ["Type", "Parent", "Annots", "StructParents", "B", "Thumb"]
    /// Object types never copied through a reference: they belong to the old document's structure.
    static let structuralTypes: Set<String> = ["Page", "Pages", "Catalog", "StructTreeRoot", "StructElem", "Outlines"]
    /// A4 in points, for a blank page with nothing before it.
    static let a4: PDFValue = .array(["0", "0", "595.303937007874", "841.889763779528"].map(PDFValue.number))

    let files: [PDFFile]
    private var out: [UInt8] = Array("%PDF-1.6\n%\u{E4}\u{FC}\u{F6}\u{DF}\n".utf8)
    private var offsets: [Int] = [0]
    private var numbers: [[Int: Int]]
    private var queue: [(file: Int, old: Int, new: Int)] = []

    private init(files: [PDFFile]) {
        self.files = files
        numbers = Array(repeating: [:], count: files.count)
    }

    /// The bytes of a PDF holding `pages` in order, titled `title` (nil keeps the first file's title).
    static func assemble(_ pages: [PDFPageSource], from files: [PDFFile], title: String?) -> [UInt8] {
        var assembler = PDFAssembler(files: files)
        return assembler.run(pages, title: title)
    }

    private mutating func run(_ pages: [PDFPageSource], title: String?) -> [UInt8] {
        let catalog = reserve(), tree = reserve()
        var kids: [Int] = []
        var blankContents: Int?
        var lastBox = Self.a4
        for source in pages {
            switch source {
            case .page(let file, let index):
                let dictionary = files[file].pageDictionary(files[file].pages[index])
                lastBox = dictionary["MediaBox"].flatMap { files[file].resolve($0) } ?? lastBox
                kids.append(writePage(dictionary, file: file, parent: tree))
            case .blank:
                let contents = blankContents ?? writeRaw(Array("<</Length 0>>\nstream\n\nendstream".utf8))
                blankContents = contents
                let page = "<</Type/Page/Parent \(tree) 0 R/Resources<<>>/Contents \(contents) 0 R/MediaBox"
                kids.append(writeRaw(Array(page.utf8) + serialized(lastBox, file: 0) + Array(">>".utf8)))
            }
            flushQueue()
        }
        let kidList = kids.map { "\($0) 0 R" }.joined(separator: " ")
        write(tree, Array("<</Type/Pages/Kids[\(kidList)]/Count \(kids.count)>>".utf8))
        let xmpTitled = writeCatalog(catalog, tree: tree, title: title)
        let info = writeInfo(title: xmpTitled ? title : nil)
        return finish(root: catalog, info: info)
    }

    // MARK: Objects

    private mutating func reserve() -> Int {
        offsets.append(-1)
        return offsets.count - 1
    }

    private mutating func write(_ number: Int, _ body: [UInt8]) {
        offsets[number] = out.count
        out += Array("\(number) 0 obj\n".utf8)
        out += body
        out += Array("\nendobj\n".utf8)
    }

    private mutating func writeRaw(_ body: [UInt8]) -> Int {
        let number = reserve()
        write(number, body)
        return number
    }

    private mutating func writePage(_ dictionary: PDFDictionary, file: Int, parent: Int) -> Int {
        var copy = dictionary
        copy.entries.removeAll { Self.droppedPageKeys.contains($0.key) }
        let body = Array("<</Type/Page/Parent \(parent) 0 R".utf8) + serialized(.dictionary(copy), file: file).dropFirst(2)
        return writeRaw(Array(body))
    }

    /// The new number of source object `old` of `file`, queueing it for copying; nil for objects of the
    /// old document structure, which are written as null.
    private mutating func map(_ old: Int, file: Int) -> Int? {
        if let known = numbers[file][old] { return known }
        guard let object = files[file].object(old) else { return nil }
        if let type = object.value.dictionary?["Type"]?.name, Self.structuralTypes.contains(type) { return nil }
        let new = reserve()
        numbers[file][old] = new
        queue.append((file, old, new))
        return new
    }

    private mutating func serialized(_ value: PDFValue, file: Int) -> [UInt8] {
        var pending: [Int: Int?] = [:]
        collectReferences(value, into: &pending, file: file)
        var bytes: [UInt8] = []
        PDFSerializer.write(value, to: &bytes) { pending[$0] ?? nil }
        return bytes
    }

    private mutating func collectReferences(_ value: PDFValue, into map: inout [Int: Int?], file: Int) {
        switch value {
        case .reference(let number): if map[number] == nil { map[number] = self.map(number, file: file) }
        case .array(let items): for item in items { collectReferences(item, into: &map, file: file) }
        case .dictionary(let dictionary): for entry in dictionary.entries { collectReferences(entry.value, into: &map, file: file) }
        default: break
        }
    }

    private mutating func flushQueue() {
        while !queue.isEmpty {
            let (file, old, new) = queue.removeFirst()
            guard let object = files[file].object(old) else { continue }
            write(new, copy(object, file: file))
        }
    }

    private mutating func copy(_ object: PDFObject, file: Int) -> [UInt8] {
        guard object.stream != nil, var dictionary = object.value.dictionary else { return serialized(object.value, file: file) }
        let data = files[file].streamData(object)
        dictionary["Length"] = .number(String(data.count))
        return serialized(.dictionary(dictionary), file: file) + Array("\nstream\n".utf8) + data + Array("\nendstream".utf8)
    }

    // MARK: Document level

    /// Writes the catalog; returns true when the XMP metadata (if any) now carries `title`.
    private mutating func writeCatalog(_ number: Int, tree: Int, title: String?) -> Bool {
        guard let source = files.first?.catalog else {
            write(number, Array("<</Type/Catalog/Pages \(tree) 0 R>>".utf8))
            return true
        }
        var body = Array("<</Type/Catalog/Pages \(tree) 0 R".utf8)
        for key in ["Lang", "ViewerPreferences", "OutputIntents"] {
            if let value = source[key] { body += serializedEntry(key, value) }
        }
        var titled = true
        if let metadata = source["Metadata"]?.reference, let object = files[0].object(metadata) {
            let (reference, replaced) = writeMetadata(object, number: metadata, title: title)
            if let reference { body += Array("/Metadata \(reference) 0 R".utf8) }
            titled = replaced
        }
        flushQueue()
        write(number, body + Array(">>".utf8))
        return titled
    }

    private mutating func serializedEntry(_ key: String, _ value: PDFValue) -> [UInt8] {
        var bytes: [UInt8] = []
        PDFSerializer.writeName(key, to: &bytes)
        return bytes + [0x20] + serialized(value, file: 0)
    }

    /// The XMP metadata stream `number` of the first file, copied with its dc:title replaced when it is
    /// uncompressed and has one (second value true), else copied unchanged.
    private mutating func writeMetadata(_ object: PDFObject, number: Int, title: String?) -> (Int?, Bool) {
        let data = Array(files[0].streamData(object))
        guard let title, object.value.dictionary?["Filter"] == nil, let replaced = XMPTitle.replace(in: data, with: title) else {
            return (map(number, file: 0), false)
        }
        let header = "<</Type/Metadata/Subtype/XML/Length \(replaced.count)>>\nstream\n"
        return (writeRaw(Array(header.utf8) + replaced + Array("\nendstream".utf8)), true)
    }

    /// The document information dictionary of the first file, with `title` when given.
    private mutating func writeInfo(title: String?) -> Int? {
        let source = files.first.flatMap { $0.resolve($0.trailer["Info"])?.dictionary }
        guard var info = source ?? (title == nil ? nil : PDFDictionary()) else { return nil }
        if let title { info["Title"] = PDFSerializer.textString(title) }
        let body = serialized(.dictionary(info), file: 0)
        flushQueue()
        return writeRaw(body)
    }

    private mutating func finish(root: Int, info: Int?) -> [UInt8] {
        let digest = SHA256.hash(data: out).prefix(16).map { PDFBytes.hex($0) }.joined()
        let start = out.count
        out += Array("xref\n0 \(offsets.count)\n0000000000 65535 f \n".utf8)
        for offset in offsets.dropFirst() {
            out += Array((String(repeating: "0", count: max(0, 10 - String(offset).count)) + "\(offset) 00000 n \n").utf8)
        }
        let infoEntry = info.map { "/Info \($0) 0 R" } ?? ""
        out += Array("trailer\n<</Size \(offsets.count)/Root \(root) 0 R\(infoEntry)/ID[<\(digest)><\(digest)>]>>\nstartxref\n\(start)\n%%EOF\n".utf8)
        return out
    }
}

/// The title inside XMP metadata (`dc:title` / `rdf:Alt` / `rdf:li`).
enum XMPTitle {
    /// `xmp` with the text of its first dc:title entry replaced by `title`; nil when it has none.
    static func replace(in xmp: [UInt8], with title: String) -> [UInt8]? {
        guard let titleStart = find(Array("<dc:title>".utf8), in: xmp, from: 0),
              let item = find(Array("<rdf:li".utf8), in: xmp, from: titleStart),
              let open = xmp[item...].firstIndex(of: UInt8(ascii: ">")),
              let close = find(Array("</rdf:li>".utf8), in: xmp, from: open) else { return nil }
        return Array(xmp[...open]) + Array(XMLEscaping.escaped(title).utf8) + Array(xmp[close...])
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
