import Crypto
import ShufaODF
import ShufaTemplate
import ShufaXML

/// Makes the prompts (提示) of a .docx prompts in Word's own terms. LibreOffice exports the ODF character
/// style `Prompt`/提示 as a Word character style named 提示 and a prompt as runs in it; each stretch of such
/// runs in a paragraph becomes a content control (`w:sdt`) showing the prompt as its placeholder text
/// (`w:showingPlcHdr`, the placeholder a building block of the glossary document), marked temporary. Word
/// selects the whole prompt at a click, and as the leader types it removes prompt and control together,
/// leaving the typed text in the paragraph's own style. The runs keep the 提示 style and the 【】, so a
/// program that drops the control still shows a 楷体, dark blue prompt and shufa still recognises it.
package enum WordPromptControls {
    /// The tag of shufa's prompt controls (for programs; Word shows the alias 提示).
    static let tag = "shufa-prompt"

    /// Wraps the prompts of `package` in content controls and adds their placeholders; a document without
    /// prompts is left as it is.
    static func apply(to package: inout WordPackage) throws(WordError) {
        guard let stylesPart = package.part("word/styles.xml") else { return }
        let styles = try WordML.parse(stylesPart, part: "word/styles.xml")
        let promptStyles = promptStyleIDs(styles)
        guard !promptStyles.isEmpty, let documentPart = package.part(WordPackage.documentPart) else { return }
        let document = try WordML.parse(documentPart, part: WordPackage.documentPart)
        var texts: [String] = []
        var controls = 0
        let paragraphs = document.root?.descendants().filter { $0.is(WordML.main, "p") } ?? []
        for paragraph in paragraphs {
            for runs in promptRuns(in: paragraph, styles: promptStyles) {
                let text = runs.map(\.content).joined()
                if !texts.contains(text) { texts.append(text) }
                controls += 1
                wrap(runs, id: controls, placeholder: placeholderName(texts.firstIndex(of: text)!))
            }
        }
        guard controls > 0 else { return }
        package.set(WordPackage.documentPart, document.serialized())
        package.set(glossaryPart, glossary(texts, style: promptStyles.sorted()[0]))
        package.set("word/glossary/styles.xml", stylesPart)
        package.set("word/glossary/_rels/document.xml.rels", glossaryRelationships)
        try WordML.addRelationship(
            to: &package, part: "word/_rels/document.xml.rels", id: "rIdShufaGlossary",
            type: glossaryType, target: "glossary/document.xml")
        try WordML.addContentTypes(
            to: &package, [("/" + glossaryPart, glossaryContentType), ("/word/glossary/styles.xml", stylesContentType)])
    }

    /// The ids of the character styles named (or displayed) `Prompt`/提示.
    static func promptStyleIDs(_ styles: XMLDocument) -> Set<String> {
        var ids = Set<String>()
        for style in styles.root?.elements ?? [] where style.is(WordML.main, "style") {
            guard style.attribute(WordML.main, "type") == "character", let id = style.attribute(WordML.main, "styleId"),
                let name = style.child(WordML.main, "name").flatMap(WordML.value)
            else { continue }
            if PromptStyles.styleNames.contains(name) || PromptStyles.styleNames.contains(id) { ids.insert(id) }
        }
        return ids
    }

    /// The stretches of consecutive runs of a paragraph set in a prompt style.
    private static func promptRuns(in paragraph: XMLNode, styles: Set<String>) -> [[XMLNode]] {
        var stretches: [[XMLNode]] = []
        var current: [XMLNode] = []
        for child in paragraph.elements {
            if child.is(WordML.main, "r"), let style = WordML.runStyle(child), styles.contains(style) {
                current.append(child)
            } else if !current.isEmpty {
                stretches.append(current)
                current = []
            }
        }
        if !current.isEmpty { stretches.append(current) }
        return stretches
    }

    /// Puts `runs` into a temporary content control that shows them as its placeholder.
    private static func wrap(_ runs: [XMLNode], id: Int, placeholder: String) {
        let first = runs[0]
        let control = WordML.element("sdt", near: first)
        let properties = WordML.element("sdtPr", near: first)
        let docPart = WordML.element("placeholder", near: first)
        docPart.append(WordML.element("docPart", near: first, value: placeholder))
        for element in [
            WordML.element("alias", near: first, value: "提示"), WordML.element("tag", near: first, value: tag),
            WordML.element("id", near: first, value: String(id)), docPart,
            WordML.element("temporary", near: first), WordML.element("showingPlcHdr", near: first),
        ] {
            properties.append(element)
        }
        let content = WordML.element("sdtContent", near: first)
        first.insertBefore(control)
        control.append(properties)
        control.append(content)
        for run in runs { content.append(run) }
    }

    // MARK: The glossary document

    private static let glossaryPart = "word/glossary/document.xml"
    private static let glossaryContentType =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml"
    private static let stylesContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
    private static let glossaryType =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/glossaryDocument"

    /// The glossary's relationships: its own styles part, a copy of the document's, so its placeholders look the same.
    private static let glossaryRelationships = Array(
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="\(WordML.relationships)"><Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>

        """.utf8)

    static func placeholderName(_ index: Int) -> String { "ShufaPrompt\(index + 1)" }

    /// The glossary document: one placeholder building block per distinct prompt text, in `style`.
    private static func glossary(_ texts: [String], style: String) -> [UInt8] {
        var out = Array(
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:glossaryDocument xmlns:w="\(WordML.main)"><w:docParts>
            """.utf8)
        for (index, text) in texts.enumerated() {
            out += Array("<w:docPart><w:docPartPr><w:name w:val=\"\(placeholderName(index))\"/>".utf8)
            out += Array("<w:category><w:name w:val=\"General\"/><w:gallery w:val=\"placeholder\"/></w:category>".utf8)
            out += Array("<w:types><w:type w:val=\"bbPlcHdr\"/></w:types>".utf8)
            out += Array("<w:behaviors><w:behavior w:val=\"content\"/></w:behaviors>".utf8)
            out += Array("<w:guid w:val=\"\(guid(text))\"/></w:docPartPr><w:docPartBody><w:p><w:r><w:rPr>".utf8)
            out += Array("<w:rStyle w:val=\"".utf8)
            XMLEscaping.append(Substring(style).utf8, to: &out, quote: true)
            out += Array("\"/></w:rPr><w:t xml:space=\"preserve\">".utf8)
            XMLEscaping.append(Substring(text).utf8, to: &out)
            out += Array("</w:t></w:r></w:p></w:docPartBody></w:docPart>".utf8)
        }
        return out + Array("</w:docParts></w:glossaryDocument>\n".utf8)
    }

    /// A GUID made from the prompt's text, so the same prompt always gets the same one.
    private static func guid(_ text: String) -> String {
        let hex = SHA256.hash(data: Array(text.utf8)).prefix(16).map { String(format: "%02X", $0) }.joined()
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex.dropFirst(range.lowerBound).prefix(range.count))
        }
        return "{" + groups.joined(separator: "-") + "}"
    }
}
