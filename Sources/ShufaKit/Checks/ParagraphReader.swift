import ShufaXML

/// Reads one paragraph's visible text and takes the prompts out of it: placeholder fields, input fields
/// and content controls still showing their prompt (drafts converted to and from Word), 【】 segments in
/// the prompt style or whose words are a prompt, and a whole paragraph that is a known prompt.
struct ParagraphReader {
    let styles: PromptStyles
    /// Known prompt texts; without them only structure and a leading 请 tell a prompt.
    let prompts: PromptTexts?

    /// What a paragraph holds once its prompts are taken out.
    struct Reading {
        var text = ""
        var prompts: [String] = []
        /// Text in the prompt style that is not a prompt (the leader typed over a prompt, keeping its style).
        var styledText: [String] = []
    }

    /// A character of the paragraph and whether it is set in the prompt style.
    private typealias Styled = (character: Character, styled: Bool)

    func read(_ paragraph: XMLNode) -> Reading {
        var reading = Reading()
        var characters: [Styled] = []
        walk(paragraph, styled: styles.marks(paragraph), into: &characters, reading: &reading)
        split(characters, into: &reading)
        if let prompts, prompts.isPromptParagraph(reading.text) {
            reading.prompts.append(reading.text.trimmingSpaces)
            reading.text = ""
        }
        return reading
    }

    private func isPrompt(_ text: String) -> Bool {
        prompts?.isPrompt(text) ?? PromptTexts.normalized(text).hasPrefix("请")
    }

    private func walk(_ node: XMLNode, styled: Bool, into characters: inout [Styled], reading: inout Reading) {
        for child in node.children {
            if child.isText { characters += child.content.map { ($0, styled) }; continue }
            guard child.isElement else { continue }
            switch (child.namespace, child.name) {
            case (Namespace.text?, "placeholder"):
                reading.prompts.append(Self.withoutAngleBrackets(child.content))
            case (Namespace.text?, "text-input"):
                field(child.content, showingPrompt: false, styled: styled, into: &characters, reading: &reading)
            case (Self.loext?, "content-control"):
                let showing = child.attribute(Self.loext, "showing-place-holder") == "true"
                field(child.content, showingPrompt: showing, styled: styled, into: &characters, reading: &reading)
            case (Namespace.text?, "s"):
                let count = Int(child.attribute(Namespace.text, "c") ?? "1") ?? 1
                characters += Array(repeating: (" ", styled), count: count)
            case (Namespace.text?, "tab"): characters.append(("\t", styled))
            case (Namespace.text?, "line-break"): characters.append(("\n", styled))
            case (Namespace.text?, "note"), (Namespace.office?, "annotation"): continue
            default: walk(child, styled: styled || styles.marks(child), into: &characters, reading: &reading)
            }
        }
    }

    /// A form field (Word content control, LibreOffice input field): a prompt while it shows one.
    private func field(_ content: String, showingPrompt: Bool, styled: Bool, into characters: inout [Styled],
                       reading: inout Reading) {
        if showingPrompt || isPrompt(content) {
            reading.prompts.append(Self.withoutBrackets(Self.withoutAngleBrackets(content).trimmingSpaces))
        } else {
            characters += content.map { ($0, styled) }
        }
    }

    /// Separates 【】 prompts and prompt-styled text from the leader's own text.
    private func split(_ characters: [Styled], into reading: inout Reading) {
        var index = 0
        var styledRun = ""
        func endStyledRun() {
            let run = styledRun.trimmingSpaces
            styledRun = ""
            guard !run.isEmpty else { return }
            if isPrompt(run) {
                reading.prompts.append(run)
            } else {
                reading.styledText.append(run)
                reading.text += run
            }
        }
        while index < characters.count {
            let (character, styled) = characters[index]
            if character == "【", let close = characters[index...].firstIndex(where: { $0.character == "】" }) {
                let segment = characters[index...close]
                let inner = String(segment.dropFirst().dropLast().map(\.character))
                if segment.contains(where: \.styled) || isPrompt(inner) {
                    endStyledRun()
                    reading.prompts.append(inner.trimmingSpaces)
                    index = close + 1
                    continue
                }
            }
            if styled {
                styledRun.append(character)
            } else {
                endStyledRun()
                reading.text.append(character)
            }
            index += 1
        }
        endStyledRun()
    }

    /// LibreOffice's namespace, whose content controls hold Word's prompts.
    static let loext = "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"

    /// A prompt without the 【】 it is wrapped in (a Word content control holds them with its prompt).
    static func withoutBrackets(_ text: String) -> String {
        text.hasPrefix("【") && text.hasSuffix("】") && text.count >= 2 ? String(text.dropFirst().dropLast()) : text
    }

    /// A placeholder's prompt without the angle brackets LibreOffice puts around it when saving.
    static func withoutAngleBrackets(_ text: String) -> String {
        text.hasPrefix("<") && text.hasSuffix(">") && text.count >= 2 ? String(text.dropFirst().dropLast()) : text
    }
}
