import CYaml
import Yams

/// Reads YAML text as a stream of libyaml events, before any object is built from it, and refuses what
/// would blow up building them: aliases whose expansion passes what the file could hold written out
/// (billion laughs), nesting deeper than any roster or catalog needs, and keys given twice in one mapping.
/// Syntax errors are reported with their line and column and a short reason, never the file's text.
package enum YAMLGuard {
    /// The deepest nesting of mappings and sequences accepted.
    static let maximumDepth = 64
    /// Nodes an expanded document may have at least, whatever its size.
    static let minimumNodeBudget = 100_000

    /// Checks `text`; returns normally when building objects from it is safe.
    package static func check(_ text: String) throws(RosterFault) {
        var bytes = Array(text.utf8)
        let budget = max(minimumNodeBudget, bytes.count)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw .syntax(format: "YAML", line: 1, column: 1, reason: .outOfMemory)
        }
        defer { yaml_parser_delete(&parser) }
        let result: RosterFault? = bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var walk = Walk(budget: budget)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return syntaxFault(parser) }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let fault = walk.step(event) { return fault }
            }
        }
        if let result { throw result }
    }

    /// The state of the walk over the events: open collections, anchors' expanded sizes, nodes so far.
    private struct Walk {
        struct Open {
            var anchor: String?
            var start: Int
            var isMapping: Bool
            var expectingKey = true
            var keys: Set<String> = []
        }

        let budget: Int
        var open: [Open] = []
        var sizes: [String: Int] = [:]
        var nodes = 0

        init(budget: Int) { self.budget = budget }

        mutating func step(_ event: yaml_event_t) -> RosterFault? {
            let line = Int(event.start_mark.line) + 1
            switch event.type {
            case YAML_SCALAR_EVENT:
                let value = String(cString: event.data.scalar.value)
                if let fault = enterNode(key: value, line: line) { return fault }
                nodes += 1
                if let anchor = string(event.data.scalar.anchor) { sizes[anchor] = 1 }
            case YAML_ALIAS_EVENT:
                if let fault = enterNode(key: nil, line: line) { return fault }
                nodes += string(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if let fault = enterNode(key: nil, line: line) { return fault }
                nodes += 1
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = string(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                open.append(Open(anchor: anchor, start: nodes, isMapping: isMapping))
                if open.count > YAMLGuard.maximumDepth { return .tooDeep(line: line, limit: YAMLGuard.maximumDepth) }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let closed = open.removeLast()
                if let anchor = closed.anchor { sizes[anchor] = nodes - closed.start + 1 }
            default:
                return nil
            }
            return nodes > budget ? .aliasExpansion(line: line, limit: budget) : nil
        }

        /// Accounts for a node inside the innermost mapping: every other node is a key, which must be a plain
        /// scalar (a list, a mapping or an alias as a key has no use in a roster or catalog, and Yams cannot
        /// build one), and may appear once.
        private mutating func enterNode(key: String?, line: Int) -> RosterFault? {
            guard let last = open.indices.last, open[last].isMapping else { return nil }
            defer { open[last].expectingKey.toggle() }
            guard open[last].expectingKey else { return nil }
            guard let key else { return .complexKey(line: line) }
            guard open[last].keys.insert(key).inserted else { return .duplicateKey(key, line: line) }
            return nil
        }

        private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }

    /// The parser's error: where, and a short reason in Chinese when it is a common one.
    private static func syntaxFault(_ parser: yaml_parser_t) -> RosterFault {
        let problem = parser.problem.map { String(cString: $0) } ?? ""
        let mark = parser.problem_mark
        return .syntax(format: "YAML", line: Int(mark.line) + 1, column: Int(mark.column) + 1, reason: reason(problem))
    }

    /// libyaml's problems, as a clerk can act on them.
    static func reason(_ problem: String) -> SyntaxReason {
        let known: [(String, SyntaxReason)] = [
            ("did not find expected key", .indentation),
            ("mapping values are not allowed", .colonInValue),
            ("found character that cannot start any token", .badCharacter),
            ("did not find expected node content", .missingContent),
            ("could not find expected ':'", .colonExpected),
            ("found unexpected end of stream", .unexpectedEnd),
            ("did not find expected ',' or ']'", .commaOrClose("]")),
            ("did not find expected ',' or '}'", .commaOrClose("}")),
            ("did not find expected '-' indicator", .missingListDash),
            ("control characters are not allowed", .controlCharacters),
            ("invalid leading UTF-8 octet", .notUTF8),
            ("found undefined alias", .undefinedAlias),
            ("Maximum nesting level reached", .nestingLimit),
        ]
        return known.first { problem.hasPrefix($0.0) }?.1 ?? .parser(problem)
    }
}

extension YAMLGuard {
    /// An error Yams threw after the check (an undefined alias, a value of the wrong kind): where and why,
    /// without the file's text that Yams puts in its own description.
    package static func fault(_ error: Error) -> RosterFault {
        switch error {
        case let fault as RosterFault: return fault
        case YamlError.scanner(_, let problem, let mark, _), YamlError.parser(_, let problem, let mark, _),
            YamlError.composer(_, let problem, let mark, _):
            return .syntax(format: "YAML", line: mark.line, column: mark.column, reason: reason(problem))
        case YamlError.duplicatedKeysInMapping(let duplicates, let context):
            return .duplicateKey(duplicates.first ?? "", line: context.mark.line)
        case YamlError.reader(let problem, _, _, _):
            return .syntax(format: "YAML", line: 1, column: 1, reason: reason(problem))
        default:
            return .syntax(format: "YAML", line: 1, column: 1, reason: .parser(String(describing: error)))
        }
    }
}
