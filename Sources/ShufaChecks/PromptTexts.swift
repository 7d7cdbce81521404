import Foundation
import ShufaText
import ShufaCatalog
import ShufaODF
import ShufaXML

/// The prompt texts (提示) drafts carry, so that a prompt is recognised by its words even where its
/// style or field was lost: the role points of the catalog (述法要点) and every prompt of the templates
/// (placeholder fields and text in the `Prompt`/提示 style), and the prompts of earlier templates the
/// catalog lists (`retiredPrompts`). A text that starts with 请 is a prompt too.
public struct PromptTexts: Sendable {
    /// Known prompts without spaces and brackets.
    private var known: Set<String> = []
    /// Point titles and texts, to recognise 「3. 制定职责任务清单：制定年度……」.
    private var pointTitles: Set<String> = []
    private var pointTexts: Set<String> = []
    /// Template prompts with markers: their literal pieces, in order.
    private var patterns: [[String]] = []
    /// The first `startLength` scalars (fewer when shorter) a known prompt or a pattern starts with (as written,
    /// composed and decomposed), their lengths, and whether a pattern may start with anything: a paragraph that
    /// starts otherwise and has no colon is no whole-paragraph prompt (`mayBePrompt`).
    private var starts: Set<UInt64> = []
    private var startLengths: Set<Int> = []
    private var anyStart = false
    private static let startLength = 3

    /// Prompts of the catalog's points; with `templates`, also those of the draft templates there.
    public init(catalog: Catalog, templates: URL? = nil) {
        for point in catalog.roles.flatMap(\.points) {
            pointTitles.insert(Self.normalized(point.title))
            let text = Self.withPlaceMarkersAsFields(point.text)
            if text == point.text { pointTexts.insert(Self.normalized(text)) } else { add(text) }
        }
        known.formUnion(pointTexts)
        for prompt in catalog.retiredPrompts { add(prompt) }
        if let templates {
            for file in catalog.templateFiles[.draft] ?? [] {
                guard let parts = try? ODFParts.read(templates.appendingPathComponent(file)) else { continue }
                for prompt in Self.templatePrompts(parts) { add(prompt) }
            }
        }
        for start in known + patterns.map({ $0[0] }) {
            guard !start.isEmpty else { anyStart = true; continue }
            let forms = [start, start.precomposedStringWithCanonicalMapping, start.decomposedStringWithCanonicalMapping]
            for form in forms {
                let prefix = Array(form.unicodeScalars.prefix(Self.startLength))
                starts.insert(Self.key(prefix[...]))
                startLengths.insert(prefix.count)
            }
        }
    }

    /// Adds a prompt text; markers (`{{…}}`) in it match any text.
    mutating func add(_ prompt: String) {
        let pieces = prompt.components(separatedBy: "{{").enumerated().flatMap { index, piece -> [String] in
            guard index > 0 else { return [piece] }
            return [piece.components(separatedBy: "}}").dropFirst().joined(separator: "}}")]
        }.map(Self.normalized)
        if pieces.count == 1 { known.insert(pieces[0]); return }
        if pieces.joined().count >= 6 { patterns.append(pieces) }
    }

    /// True when `text` — the content of a 【】 segment or of a form field — is a prompt.
    public func isPrompt(_ text: String) -> Bool {
        let plain = Self.normalized(text)
        guard !plain.isEmpty else { return false }
        return plain.hasPrefix("请") || known.contains(plain) || isPointPrompt(plain) || matchesPattern(plain)
            || pointTexts.contains { $0.count >= 15 && plain.includes($0) }
    }

    /// True when a whole paragraph of plain text is one of the prompts (its style and field lost):
    /// only exact prompts, never a text that merely starts with 请.
    public func isPromptParagraph(_ text: String) -> Bool {
        mayBePrompt(text) && readsAsPromptParagraph(text)
    }

    /// `isPromptParagraph` without the first test on scalars.
    func readsAsPromptParagraph(_ text: String) -> Bool {
        let plain = Self.normalized(text)
        // At least 8 characters, counted no further than the eighth.
        return !plain.dropFirst(7).isEmpty && (known.contains(plain) || isPointPrompt(plain) || matchesPattern(plain))
    }

    /// False when simple text (`SimpleText`) can be no whole-paragraph prompt: it starts with no scalar a known
    /// prompt or pattern starts with (nor 【), and has no colon (which a point prompt has). Most paragraphs end here.
    func mayBePrompt(_ text: String) -> Bool {
        guard !anyStart, SimpleText.isSimple(text, excluding: [":", "："]) else { return true }
        var scalars: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars where !SimpleText.isWhitespace(scalar) {
            scalars.append(scalar)
            if scalars.count == Self.startLength { break }
        }
        guard let first = scalars.first else { return false }
        return first == "【" || startLengths.contains { length in
            length <= scalars.count && starts.contains(Self.key(scalars.prefix(length)))
        }
    }

    /// Up to three scalars (21 bits each) as one number.
    private static func key(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
        scalars.reduce(0) { $0 << 21 | UInt64($1.value) }
    }

    /// 「3. 标题：内容」 with a known point title and text.
    private func isPointPrompt(_ plain: String) -> Bool {
        guard SimpleText.contains(plain, ":") || SimpleText.contains(plain, "：") else { return false }
        var rest = Substring(plain)
        if let number = HeadingNumber.parse(plain) { rest = rest.dropFirst(number.length) }
        guard let colon = rest.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return false }
        let (title, text) = (String(rest[..<colon]), String(rest[rest.index(after: colon)...]))
        return pointTitles.contains(title) && (pointTexts.contains(text) || matchesPattern(text))
    }

    /// A catalog text whose place markers (`{县委}`, filled per county) match any text, as template fields do.
    private static func withPlaceMarkersAsFields(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        return Locality.markers.reduce(text) { $0.replacingOccurrences(of: "{\($1)}", with: "{{\($1)}}") }
    }

    private func matchesPattern(_ plain: String) -> Bool {
        patterns.contains { pieces in
            guard plain.hasPrefix(pieces[0]), plain.hasSuffix(pieces[pieces.count - 1]) else { return false }
            var rest = Substring(plain.dropFirst(pieces[0].count))
            for piece in pieces.dropFirst() where !piece.isEmpty {
                guard let range = rest.range(of: piece) else { return false }
                rest = rest[range.upperBound...]
            }
            return true
        }
    }

    /// Without white space and without the 【】 a prompt is wrapped in.
    static func normalized(_ text: String) -> String {
        var plain = SimpleText.isSimple(text) ? SimpleText.removingWhitespace(text)
            : String(text.filter { !$0.isWhitespace })
        if plain.hasPrefix("【") && plain.hasSuffix("】") { plain = String(plain.dropFirst().dropLast()) }
        return plain
    }

    /// The prompts of a template: placeholder fields and text in a prompt style.
    static func templatePrompts(_ parts: ODFParts) -> [String] {
        guard let document = try? ReportDocument(parts, prompts: nil) else { return [] }
        return document.blocks.flatMap { $0.prompts + $0.styledText }
    }
}
