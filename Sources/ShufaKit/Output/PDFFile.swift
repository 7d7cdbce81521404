import Foundation

/// One indirect object of a PDF: its value and, for a stream, where its data lies in the file.
struct PDFObject: Sendable {
    var value: PDFValue
    var stream: Range<Int>?
}

/// A PDF read into memory: its objects (dictionaries parsed, stream data left in place), trailer,
/// pages in order and named destinations. Reads classic cross-reference tables, which is what
/// LibreOffice writes; object and cross-reference streams are refused with a clear error.
struct PDFFile: Sendable {
    let bytes: [UInt8]
    let name: String
    let objects: [Int: PDFObject]
    let trailer: PDFDictionary
    /// The page objects, in page order.
    let pages: [Int]

    init(contentsOf url: URL) throws(PDFError) {
        let name = url.lastPathComponent
        guard let data = try? Data(contentsOf: url) else { throw PDFError(file: name, message: "cannot be read") }
        try self.init(bytes: Array(data), name: name)
    }

    init(bytes: [UInt8], name: String) throws(PDFError) {
        self.bytes = bytes
        self.name = name
        let (offsets, trailer) = try PDFCrossReference.read(bytes, file: name)
        var objects: [Int: PDFObject] = [:]
        for (number, offset) in offsets {
            objects[number] = try PDFFile.object(at: offset, number: number, in: bytes, offsets: offsets, file: name)
        }
        self.objects = objects
        self.trailer = trailer
        pages = try PDFFile.pageOrder(objects: objects, trailer: trailer, file: name)
    }

    /// The object `number`, following nothing.
    func object(_ number: Int) -> PDFObject? { objects[number] }

    /// `value`, or the object it refers to.
    func resolve(_ value: PDFValue?) -> PDFValue? {
        if let number = value?.reference { return objects[number]?.value }
        return value
    }

    /// The catalog (document root).
    var catalog: PDFDictionary { resolve(trailer["Root"])?.dictionary ?? PDFDictionary() }

    /// The bytes of a stream object's data.
    func streamData(_ object: PDFObject) -> ArraySlice<UInt8> { object.stream.map { bytes[$0] } ?? [] }

    /// Named destinations (from the catalog's /Dests dictionary or the /Names tree): name → page index.
    func namedDestinations() -> [String: Int] {
        var index: [Int: Int] = [:]
        for (position, page) in pages.enumerated() { index[page] = position }
        var result: [String: Int] = [:]
        func add(_ name: String, _ destination: PDFValue?) {
            var target = resolve(destination)
            if let dictionary = target?.dictionary { target = resolve(dictionary["D"]) }
            if let page = target?.array?.first?.reference, let position = index[page] { result[name] = position }
        }
        if let dests = resolve(catalog["Dests"])?.dictionary {
            for (key, value) in dests.entries { add(key, value) }
        }
        if let tree = resolve(resolve(catalog["Names"])?.dictionary?["Dests"])?.dictionary {
            walkNameTree(tree, depth: 0, add)
        }
        return result
    }

    private func walkNameTree(_ node: PDFDictionary, depth: Int, _ add: (String, PDFValue?) -> Void) {
        guard depth < 32 else { return }
        if let names = resolve(node["Names"])?.array {
            for pair in stride(from: 0, to: names.count - 1, by: 2) {
                if let key = resolve(names[pair])?.string { add(String(decoding: key, as: UTF8.self), names[pair + 1]) }
            }
        }
        for kid in resolve(node["Kids"])?.array ?? [] {
            if let child = resolve(kid)?.dictionary { walkNameTree(child, depth: depth + 1, add) }
        }
    }

    /// Page attributes a page inherits from its ancestors in the page tree (PDF 7.7.3.4).
    static let inheritable = ["Resources", "MediaBox", "CropBox", "Rotate"]

    /// A page's dictionary with inherited attributes filled in.
    func pageDictionary(_ page: Int) -> PDFDictionary {
        var dictionary = objects[page]?.value.dictionary ?? PDFDictionary()
        var parent = dictionary["Parent"]?.reference
        var depth = 0
        while let current = parent, let node = objects[current]?.value.dictionary, depth < 64 {
            for key in Self.inheritable where dictionary[key] == nil { dictionary[key] = node[key] }
            parent = node["Parent"]?.reference
            depth += 1
        }
        return dictionary
    }

    private static func object(at offset: Int, number: Int, in bytes: [UInt8], offsets: [Int: Int], file: String) throws(PDFError) -> PDFObject {
        var parser = PDFParser(bytes, at: offset, file: file)
        guard Int(parser.peekWord()) == number else { throw parser.fail("object \(number) is not where the cross-reference table says") }
        _ = parser.accept(String(number))
        _ = try parser.value()
        guard parser.accept("obj") else { throw parser.fail("object \(number) has no 'obj' keyword") }
        let value = try parser.value()
        guard parser.accept("stream") else { return PDFObject(value: value, stream: nil) }
        var start = parser.position
        if start < bytes.count && bytes[start] == 0x0D { start += 1 }
        if start < bytes.count && bytes[start] == 0x0A { start += 1 }
        let length = try streamLength(value, in: bytes, offsets: offsets, file: file)
        guard start + length <= bytes.count else { throw parser.fail("stream of object \(number) runs past the end") }
        return PDFObject(value: value, stream: start..<(start + length))
    }

    private static func streamLength(_ value: PDFValue, in bytes: [UInt8], offsets: [Int: Int], file: String) throws(PDFError) -> Int {
        let length = value.dictionary?["Length"]
        if let direct = length?.integer { return direct }
        if let number = length?.reference, let offset = offsets[number] {
            var parser = PDFParser(bytes, at: offset, file: file)
            _ = try parser.value()
            _ = try parser.value()
            if parser.accept("obj"), let resolved = try parser.value().integer { return resolved }
        }
        throw PDFError(file: file, message: "a stream has no readable /Length")
    }

    private static func pageOrder(objects: [Int: PDFObject], trailer: PDFDictionary, file: String) throws(PDFError) -> [Int] {
        guard let root = trailer["Root"]?.reference, let pagesRoot = objects[root]?.value.dictionary?["Pages"]?.reference else {
            throw PDFError(file: file, message: "no page tree")
        }
        var pages: [Int] = []
        var visited = Set<Int>()
        func walk(_ number: Int) {
            guard visited.insert(number).inserted, let node = objects[number]?.value.dictionary else { return }
            if node["Type"]?.name == "Page" { pages.append(number); return }
            for kid in node["Kids"]?.array ?? [] { if let child = kid.reference { walk(child) } }
        }
        walk(pagesRoot)
        return pages
    }
}

/// The cross-reference table and trailer (PDF 7.5.4, 7.5.5), following /Prev to older sections.
enum PDFCrossReference {
    static func read(_ bytes: [UInt8], file: String) throws(PDFError) -> (offsets: [Int: Int], trailer: PDFDictionary) {
        var offsets: [Int: Int] = [:]
        var trailer: PDFDictionary?
        var next: Int? = try startOffset(bytes, file: file)
        var seen = Set<Int>()
        while let offset = next, seen.insert(offset).inserted {
            var parser = PDFParser(bytes, at: offset, file: file)
            guard parser.accept("xref") else {
                throw PDFError(file: file, message: "uses a cross-reference stream, which shufa does not read")
            }
            try readSections(&parser, into: &offsets)
            guard parser.accept("trailer"), let section = try parser.value().dictionary else { throw parser.fail("no trailer") }
            if trailer == nil { trailer = section }
            next = section["Prev"]?.integer
        }
        guard let trailer else { throw PDFError(file: file, message: "no trailer") }
        return (offsets, trailer)
    }

    private static func startOffset(_ bytes: [UInt8], file: String) throws(PDFError) -> Int {
        let marker = Array("startxref".utf8)
        var index = bytes.count - marker.count
        let limit = max(0, bytes.count - 4096)
        while index >= limit {
            if bytes[index..<(index + marker.count)].elementsEqual(marker) {
                var parser = PDFParser(bytes, at: index + marker.count, file: file)
                if let offset = Int(parser.peekWord()), offset < bytes.count { return offset }
                break
            }
            index -= 1
        }
        throw PDFError(file: file, message: "no startxref at the end (truncated?)")
    }

    private static func readSections(_ parser: inout PDFParser, into offsets: inout [Int: Int]) throws(PDFError) {
        while let first = Int(parser.peekWord()) {
            _ = parser.accept(String(first))
            guard let count = Int(parser.peekWord()) else { throw parser.fail("bad cross-reference section") }
            _ = parser.accept(String(count))
            for number in first..<(first + count) {
                let offset = parser.peekWord()
                _ = parser.accept(offset)
                let generation = parser.peekWord()
                _ = parser.accept(generation)
                let kind = parser.peekWord()
                guard kind == "n" || kind == "f", let value = Int(offset) else { throw parser.fail("bad cross-reference entry") }
                _ = parser.accept(kind)
                if kind == "n" && offsets[number] == nil { offsets[number] = value }
            }
        }
    }
}
