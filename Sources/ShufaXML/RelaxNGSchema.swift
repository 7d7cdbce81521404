import CLibXML2
import Foundation

/// A RELAX NG schema parsed once and reused for every document it validates. The parsed schema is only read
/// while validating, so threads validate at the same time, each with a validation context of its own (libxml2's
/// contexts are not shared between threads): a context is taken from a pool for one validation and returned
/// after it, so there are never more contexts than threads validating at once.
public final class RelaxNGSchema: @unchecked Sendable {
    private let schema: xmlRelaxNGPtr
    private let lock = NSLock()
    private var idle: [xmlRelaxNGValidCtxtPtr] = []
    /// The schema file, for messages.
    public let path: String

    /// Why a schema could not be loaded: the file and what libxml2 said.
    public struct LoadError: Error, CustomStringConvertible {
        public let path: String
        public let issues: [XMLIssue]
        public var description: String { XMLMessages.text(self) }
    }

    /// Parses the schema at `path`.
    public init(path: String) throws(LoadError) {
        XMLLibrary.initialize()
        let collector = IssueCollector(source: path)
        let parsed: xmlRelaxNGPtr? = collector.capture {
            guard let ctxt = xmlRelaxNGNewParserCtxt(path) else { return nil }
            defer { xmlRelaxNGFreeParserCtxt(ctxt) }
            xmlRelaxNGSetParserStructuredErrors(ctxt, IssueCollector.callback, collector.context)
            return xmlRelaxNGParse(ctxt)
        }
        guard let parsed else {
            throw LoadError(
                path: path,
                issues: collector.issues.isEmpty
                    ? [XMLIssue(source: path, line: 0, message: XMLMessages.unreadable)] : collector.issues)
        }
        self.schema = parsed
        self.path = path
    }

    deinit {
        for context in idle { xmlRelaxNGFreeValidCtxt(context) }
        xmlRelaxNGFree(schema)
    }

    /// Validates `document`; returns every error (empty when valid). Thread-safe: validations run in parallel.
    public func validate(_ document: XMLDocument) -> [XMLIssue] {
        let collector = IssueCollector(source: document.source)
        let result: Int32 = collector.capture {
            guard let ctxt = lock.withLock({ idle.popLast() }) ?? xmlRelaxNGNewValidCtxt(schema) else { return -1 }
            defer {
                xmlRelaxNGSetValidStructuredErrors(ctxt, nil, nil)
                lock.withLock { idle.append(ctxt) }
            }
            xmlRelaxNGSetValidStructuredErrors(ctxt, IssueCollector.callback, collector.context)
            return xmlRelaxNGValidateDoc(ctxt, document.pointer)
        }
        if result == 0 { return [] }
        return collector.issues.isEmpty
            ? [XMLIssue(source: document.source, line: 0, message: XMLMessages.invalid)] : collector.issues
    }
}
