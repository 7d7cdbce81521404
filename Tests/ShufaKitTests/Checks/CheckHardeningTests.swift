import Foundation
import ShufaKit
@testable import ShufaODF
@testable import ShufaSystem
import ShufaXML
import Testing


/// A watch on one file that notes every time any process opens it (inotify).
final class OpenWatch {
    private let descriptor: Int32

    init(_ url: URL) throws {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0, inotify_add_watch(descriptor, url.path, UInt32(IN_OPEN)) >= 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    deinit { close(descriptor) }

    /// True when the file was opened since the watch began.
    var opened: Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        return buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) } > 0
    }
}

/// Word documents made here, part by part.
enum WordDocument {
    /// A .docx whose only picture is a link (not embedded) to `target`, a file of this machine.
    static func linkingTo(_ target: URL) -> [UInt8] {
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let types = """
            <?xml version="1.0" encoding="UTF-8"?>\
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
            """
        let root =
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" "
            + "Type=\"\(relationships)/officeDocument\" Target=\"word/document.xml\"/></Relationships>"
        let links =
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId5\" Type=\"\(relationships)/image\" Target=\"\(target.absoluteString)\" "
            + "TargetMode=\"External\"/></Relationships>"
        let drawingML = "http://schemas.openxmlformats.org/drawingml/2006"
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>\
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
            xmlns:r="\(relationships)" xmlns:wp="\(drawingML)/wordprocessingDrawing" \
            xmlns:a="\(drawingML)/main" xmlns:pic="\(drawingML)/picture">\
            <w:body><w:p><w:r><w:t>一、述职情况</w:t></w:r></w:p><w:p><w:r><w:drawing><wp:inline>\
            <wp:extent cx="914400" cy="914400"/><wp:docPr id="1" name="P"/><a:graphic>\
            <a:graphicData uri="\(drawingML)/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="P"/>\
            <pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:link="rId5"/></pic:blipFill><pic:spPr><a:xfrm>\
            <a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr>\
            </pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p></w:body></w:document>
            """
        return ZipWriter.archive([
            .deflated("[Content_Types].xml", Array(types.utf8)), .deflated("_rels/.rels", Array(root.utf8)),
            .deflated("word/_rels/document.xml.rels", Array(links.utf8)),
            .deflated("word/document.xml", Array(document.utf8)),
        ])
    }
}

@Suite("shufa check: hostile and odd files", .timeLimit(.minutes(5)))
struct CheckHardeningTests {
    @Test(
        "a .docx linking a picture to a local file: LibreOffice never opens it; the private folder is gone afterwards"
    )
    func linkedPicture() throws {
        let folder = Repo.temporaryDirectory()
        let temporary = Repo.temporaryDirectory()
        let secret = folder.appendingPathComponent("secret.png")
        try Data(
            base64Encoded:
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")!
            .write(to: secret)
        let docx = folder.appendingPathComponent("returned.docx")
        try Data(WordDocument.linkingTo(secret)).write(to: docx)
        let watch = try OpenWatch(secret)
        let run = try ChildProcess.shufa(
            ["check", docx.path, "--role", "部门主要负责人"], environment: ["TMPDIR": temporary.path], timeout: 120)
        #expect(run.status == 1 && run.output.contains("returned.docx"), "\(run.error)")
        #expect(!watch.opened, "LibreOffice opened the linked file")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == [])
    }

    @Test("a password-protected ODF document is called password-protected, not damaged")
    func passwordProtected() throws {
        let report = try #require(SampleBuild.documents(.report, format: .odt).first)
        let parts = try ODFParts.read(SampleBuild.shared.directory.appendingPathComponent(report.path))
        let manifest = String(decoding: try #require(parts.part("META-INF/manifest.xml")), as: UTF8.self)
            .replacingOccurrences(
                of: "manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>",
                with:
                    "manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\">"
                    + "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\" manifest:checksum=\"AA==\">"
                    + "<manifest:algorithm manifest:algorithm-name=\"Blowfish CFB\" "
                    + "manifest:initialisation-vector=\"AA==\"/><manifest:key-derivation "
                    + "manifest:key-derivation-name=\"PBKDF2\" manifest:iteration-count=\"1024\" "
                    + "manifest:salt=\"AA==\"/>"
                    + "</manifest:encryption-data></manifest:file-entry>")
        #expect(manifest.contains("encryption-data"))
        let entries = parts.parts.map { name, bytes in
            name == "mimetype"
                ? ZipEntry.stored(name, bytes)
                : .deflated(
                    name,
                    name == "META-INF/manifest.xml"
                        ? Array(manifest.utf8) : name == "content.xml" ? Array(repeating: 7, count: 999) : bytes)
        }
        let file = Repo.temporaryDirectory().appendingPathComponent("locked.odt")
        try Data(ZipWriter.archive(entries)).write(to: file)
        #expect(throws: ODFParts.ReadError.self) { try ODFParts.read(file) }
        let run = try ChildProcess.shufa(["check", file.path])
        Bounds.expect(run, status: 2, naming: file.path)
        #expect(run.error.contains("密码保护"))
    }

    @Test("a folder, a FIFO or /dev/zero given to check: one line naming it, exit 2, at once")
    func notRegularFiles() throws {
        let folder = Repo.temporaryDirectory()
        let directory = folder.appendingPathComponent("report.odt")
        let fifo = folder.appendingPathComponent("pipe.fodt")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        #expect(mkfifo(fifo.path, 0o600) == 0)
        for (path, expected) in [
            (directory.path, "文件夹"), (fifo.path, "不是普通文件"), ("/dev/zero", "不是普通文件"),
            (folder.appendingPathComponent("none.odt").path, "不存在"),
        ] {
            let run = try ChildProcess.shufa(["check", path])
            Bounds.expect(run, status: 2, naming: path)
            #expect(run.error.contains(expected), "\(run.error)")
        }
    }
}
