import ShufaTemplate
import ShufaText

/// Makes the reading of a document (`ReportDocument`: its paragraphs, tables and properties) while the
/// document is rendered, from the template's read marks (`ReadMark`) and the values filled in: what reading the
/// written XML back gives, without parsing it. The paragraph text goes through the same `ParagraphReader`
/// as a document read from a file; `BuildCheckTests` holds the two readings equal.
final class ReadingBuilder: ReadingRecorder {
    let reader: ParagraphReader
    /// The document's metadata, whose properties the reading carries.
    let meta: DocumentMeta
    /// Source lines are counted for Flat XML (a package's parts have none: 0, as a reader gives them).
    let countsLines: Bool
    private var line: Int
    private var scanned = 0
    private(set) var blocks: [ReportDocument.Block] = []
    private(set) var tables: [[[String]]] = []
    private var table: [[String]] = []
    private var cell: [String]?
    private var paragraph: (collected: ParagraphReader.Collected, level: Int?, inTable: Bool, line: Int)?

    /// - Parameter linesBefore: the lines of the document before the rendered body starts.
    init(reader: ParagraphReader, meta: DocumentMeta, countsLines: Bool, linesBefore: Int) {
        self.reader = reader
        self.meta = meta
        self.countsLines = countsLines
        line = linesBefore + 1
    }

    func meet(_ mark: ReadMark, output: [UInt8]) {
        switch mark {
        case .blockStart(let level, let inTable):
            paragraph = (ParagraphReader.Collected(), level, inTable, currentLine(output))
        case .blockEnd: endBlock()
        case .text(let text, let styled): paragraph?.collected.append(text, styled: styled)
        case .placeholder(let prompt): paragraph?.collected.prompts.append(prompt)
        case .field(let content, let showing, let styled):
            guard var open = paragraph else { return }
            reader.field(content, showingPrompt: showing, styled: styled, into: &open.collected)
            paragraph = open
        case .tableStart: table = []
        case .rowStart: table.append([])
        case .cellStart: cell = []
        case .cellEnd:
            if !table.isEmpty { table[table.count - 1].append((cell ?? []).joined(separator: "\n").trimmingSpaces) }
            cell = nil
        case .tableEnd: tables.append(table)
        }
    }

    /// A value rendered at this point, read back as the reader will see it.
    func meetValue(_ text: String, markup: Bool, styled: Bool) {
        paragraph?.collected.append(ODFText.readBack(text, markup: markup), styled: styled)
    }

    /// The reading of the whole document, with its metadata.
    func document() -> ReportDocument {
        var properties: [String: String] = [:]
        for (name, value) in meta.properties { properties[DocumentMeta.readBack(name)] = DocumentMeta.readBack(value) }
        return ReportDocument(blocks: blocks, tables: tables, properties: properties,
                              generator: DocumentMeta.generator)
    }

    private func endBlock() {
        guard let open = paragraph else { return }
        paragraph = nil
        let reading = reader.finish(open.collected)
        blocks.append(ReportDocument.Block(index: blocks.count + 1, line: open.line, text: reading.text,
                                           outlineLevel: open.level, inTable: open.inTable, prompts: reading.prompts,
                                           styledText: reading.styledText))
        cell?.append(reading.text)
    }

    /// The line the output has reached (libxml2 counts lines up to 65535 without its big-lines option).
    private func currentLine(_ output: [UInt8]) -> Int {
        guard countsLines else { return 0 }
        for byte in output[scanned...] where byte == 0x0A { line += 1 }
        scanned = output.count
        return min(line, 65_535)
    }
}

extension CompiledTemplate {
    /// Renders a document; with `reader` (and a `readable` template), also makes its reading from the data.
    func rendering(_ data: Value, meta: DocumentMeta, format: OutputFormat, reader: ParagraphReader?) -> Rendering {
        let recorder = reader.map { reader in
            { (linesBefore: Int) -> any ReadingRecorder in
                ReadingBuilder(reader: reader, meta: meta, countsLines: format == .fodt, linesBefore: linesBefore)
            }
        }
        return rendering(data, meta: meta, format: format, recorder: recorder)
    }
}

extension CompiledTemplate.Rendering {
    /// What reading the document back gives, made from the data; nil unless a reader was given.
    var document: ReportDocument? { (reading as? ReadingBuilder)?.document() }
}
