import ShufaTemplate
import ShufaText
import ShufaXML

/// Reads one paragraph's visible text and takes the prompts out of it: placeholder fields, input fields
/// and content controls still showing their prompt (drafts converted to and from Word), 【】 segments in
/// the prompt style or whose words are a prompt, and a whole paragraph that is a known prompt.
///
/// Reading has two halves: collecting the paragraph's text as runs (set in the prompt style or not) and the
/// prompts of its fields — from the XML of a document read back, or, in `shufa build`, from a template's
/// compiled structure and the data it is filled with (`ReadingBuilder`) — then `finish`, which both share.
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

    /// A paragraph's text as collected, before its prompts are taken out.
    struct Collected {
        /// Runs of text, each wholly in the prompt style or not.
        var runs: [(text: String, styled: Bool)] = []
        /// The prompts of its fields, in order.
        var prompts: [String] = []

        mutating func append(_ text: String, styled: Bool) {
            guard !text.isEmpty else { return }
            if let last = runs.last, last.styled == styled {
                runs[runs.count - 1].text += text
            } else {
                runs.append((text, styled))
            }
        }
    }

    func read(_ paragraph: XMLNode) -> Reading {
        var collected = Collected()
        walk(paragraph, styled: styles.marks(paragraph), into: &collected)
        return finish(collected)
    }

    /// Takes the prompts out of a collected paragraph.
    func finish(_ collected: Collected) -> Reading {
        var reading = Reading()
        reading.prompts = collected.prompts
        split(collected.runs, into: &reading)
        if let prompts, prompts.isPromptParagraph(reading.text) {
            reading.prompts.append(reading.text.trimmingSpaces)
            reading.text = ""
        }
        return reading
    }

    private func isPrompt(_ text: String) -> Bool {
        prompts?.isPrompt(text) ?? PromptTexts.normalized(text).hasPrefix("请")
    }

    private func walk(_ node: XMLNode, styled: Bool, into collected: inout Collected) {
        for child in node.children {
            if child.isText { collected.append(child.content, styled: styled); continue }
            guard child.isElement else { continue }
            switch InlineElement(child) {
            case .placeholder: collected.prompts.append(InlineElement.withoutAngleBrackets(child.content))
            case .field(let showing): field(child.content, showingPrompt: showing, styled: styled, into: &collected)
            case .space(let text): collected.append(text, styled: styled)
            case .skipped: continue
            case .container: walk(child, styled: styled || styles.marks(child), into: &collected)
            }
        }
    }

    /// A form field (Word content control, LibreOffice input field): a prompt while it shows one.
    func field(_ content: String, showingPrompt: Bool, styled: Bool, into collected: inout Collected) {
        if showingPrompt || isPrompt(content) {
            collected.prompts.append(Self.withoutBrackets(InlineElement.withoutAngleBrackets(content).trimmingSpaces))
        } else {
            collected.append(content, styled: styled)
        }
    }

    /// Separates 【】 prompts and prompt-styled text from the leader's own text.
    private func split(_ runs: [(text: String, styled: Bool)], into reading: inout Reading) {
        if !runs.contains(where: { $0.styled || $0.text.includes("【") }) {
            reading.text = runs.map(\.text).joined()
            return
        }
        let characters = runs.flatMap { run in run.text.map { (character: $0, styled: run.styled) } }
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

    /// A prompt without the 【】 it is wrapped in (a Word content control holds them with its prompt).
    static func withoutBrackets(_ text: String) -> String {
        text.hasPrefix("【") && text.hasSuffix("】") && text.count >= 2 ? String(text.dropFirst().dropLast()) : text
    }
}
