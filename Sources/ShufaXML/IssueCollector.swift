import CLibXML2
import Foundation

/// Collects libxml2's structured errors while a closure runs on this thread.
final class IssueCollector {
    let source: String
    var issues: [XMLIssue] = []

    init(source: String) { self.source = source }

    /// The opaque pointer handed to libxml2 with `callback`.
    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// libxml2's structured error callback, recording into the collector passed as context.
    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        Unmanaged<IssueCollector>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
    }

    /// Runs `body` with this collector as the thread's structured error handler.
    func capture<T>(_ body: () -> T) -> T {
        xmlSetStructuredErrorFunc(context, Self.callback)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return withExtendedLifetime(self) { body() }
    }

    func record(_ error: xmlError) {
        guard issues.count < 100 else { return }
        let text = error.message.map { String(cString: $0) } ?? XMLMessages.unknown
        let message = text.trimmingTrailingNewlines()
        issues.append(XMLIssue(source: source, line: Int(error.line), message: message))
    }
}
