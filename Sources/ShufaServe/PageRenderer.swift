import Foundation
import Hummingbird
import Mustache

/// The pages (Mustache templates in the target's `Pages` folder, rendered on the server; values are
/// HTML-escaped) and the two static files: the style sheet and the few lines of script that follow a job's
/// progress (server-sent events; without script the page refreshes itself).
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let stylesheet: ByteBuffer
    let script: ByteBuffer

    init() async throws {
        guard let folder = Bundle.module.url(forResource: "Pages", withExtension: nil) else {
            throw DeskError.setup("找不到页面模板（Pages 资源）：请重新构建 shufa")
        }
        library = try await MustacheLibrary(directory: folder.path)
        stylesheet = ByteBuffer(bytes: try Data(contentsOf: folder.appendingPathComponent("desk.css")))
        script = ByteBuffer(bytes: try Data(contentsOf: folder.appendingPathComponent("progress.js")))
    }

    func render(_ model: Any, _ template: String) -> String {
        library.render(model, withTemplate: template) ?? "<!doctype html><p>页面模板 \(template) 缺失</p>"
    }
}
