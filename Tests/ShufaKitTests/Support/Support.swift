import Foundation
import ShufaKit
import ShufaXML
import Testing

/// Paths and shared helpers for the tests.
enum Repo {
    /// The repository's root folder.
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let root = tests.deletingLastPathComponent().deletingLastPathComponent()
    static let templates = root.appendingPathComponent("templates")
    static let samples = root.appendingPathComponent("samples")
    static let roster = samples.appendingPathComponent("roster.json")
    /// The OASIS schemas, kept outside the repository in `../shared/schemas/odf1.3/`.
    static let schemas = root.deletingLastPathComponent().appendingPathComponent("shared/schemas/odf1.3")
    static let fixtures = tests.appendingPathComponent("Fixtures")

    /// The validator, loaded once for the whole test run.
    static let validator: ODFValidator = {
        do { return try ODFValidator(schemaDirectory: schemas) } catch {
            fatalError("cannot load the ODF schemas: \(error)")
        }
    }()

    static let catalog: Catalog = {
        do { return try Catalog.load(from: templates.appendingPathComponent("catalog.yaml")) } catch {
            fatalError("\(error)")
        }
    }()

    /// A new empty folder.
    static func temporaryDirectory(_ name: String = #function) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shufa-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Minimal Flat ODF documents around a body, for template tests.
enum FlatODF {
    static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
        xmlns:officeooo="http://openoffice.org/2009/office" \
        xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"
        """

    /// A template whose office:text holds `body`; `footer` goes into a master page.
    static func document(_ body: String, footer: String = "") -> [UInt8] {
        Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document \(namespaces) office:version="1.3" \
            office:mimetype="application/vnd.oasis.opendocument.text">
            <office:automatic-styles><style:style style:name="T1" style:family="text">\
            <style:text-properties fo:font-weight="bold" officeooo:rsid="001"/></style:style>\
            <style:page-layout style:name="pm1"/></office:automatic-styles>
            <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">\
            <style:footer><text:p>\(footer)</text:p></style:footer></style:master-page></office:master-styles>
            <office:body><office:text>\(body)</office:text></office:body>
            </office:document>
            """.utf8)
    }

    /// Compiles `body` against the leader fields and renders it for `data`.
    static func render(_ body: String, _ data: Value = sampleData, format: OutputFormat = .fodt) throws -> String {
        let template = try TemplateCompiler.compile(document(body), file: "t.fodt", fields: DocumentData.leaderFields)
        return String(
            decoding: template.render(data, meta: DocumentMeta(title: "t", properties: []), format: format),
            as: UTF8.self)
    }

    /// The errors compiling `body` gives (empty when it compiles).
    static func errors(_ body: String, footer: String = "") -> [TemplateError] {
        do {
            _ = try TemplateCompiler.compile(
                document(body, footer: footer), file: "t.fodt", fields: DocumentData.leaderFields)
            return []
        } catch {
            return error.errors
        }
    }

    static let sampleData: Value = .record([
        "组织": .text("示例县"), "年度": .text("2025"), "编号": .text("L1"), "姓名": .text("张三"), "单位": .text("某镇"),
        "职务": .text("党委书记"), "类别": .text("乡镇党委主要负责人"),
        "述职内容": .texts(["第一段", "第二段", "第三段"]), "述法内容": .text("述法 <全文> & 其他\n第二行"),
        "存在问题": .texts([]), "改进措施": .texts(["措施一"]),
        "述法要点": .list([.record(["序号": .text("1"), "标题": .text("学法"), "内容": .text("学习")]),
                        .record(["序号": .text("2"), "标题": .text("用法"), "内容": .text("运用")])]),
        "指标": .list([]), "职责清单标题": .text(""),
        "职责清单": .list([.record(["序号": .text("（一）"), "职责": .text("甲"), "任务": .list([
            .record(["序号": .text("1"), "内容": .text("甲1")]), .record(["序号": .text("2"), "内容": .text("甲2")])])]),
                         .record(["序号": .text("（二）"), "职责": .text("乙"), "任务": .list([])])]),
    ])
}

/// Parsing generated documents back.
enum Parsed {
    /// The document element of Flat XML text.
    static func document(_ xml: String) throws -> XMLDocument {
        try XMLDocument(bytes: Array(xml.utf8), source: "generated")
    }

    /// The texts of every paragraph and heading of the body, in order.
    static func paragraphs(_ xml: String) throws -> [String] {
        let document = try document(xml)
        let body = document.root!.child(Namespace.office, "body")!
        return body.descendants().filter { $0.is(Namespace.text, "p") || $0.is(Namespace.text, "h") }.map(\.content)
    }

    /// Number of elements named `name` in the text namespace (or `namespace`).
    static func count(_ xml: String, _ name: String, namespace: String = Namespace.text) throws -> Int {
        try document(xml).root!.descendants().filter { $0.is(namespace, name) }.count
    }
}
