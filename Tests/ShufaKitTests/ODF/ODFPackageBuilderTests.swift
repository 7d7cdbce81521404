import Foundation
import ShufaODF
import Testing
import ZIPFoundation

/// A part whose head every document shares is written as the head's blocks, compressed once, then the rest's:
/// another reader (ZIPFoundation) must get the whole part back, with the CRC-32 the entry carries.
@Suite("ShufaODF: packages whose parts begin with a head compressed once")
struct ODFPackageBuilderTests {
    @Test("head and rest read back whole by ZIPFoundation, with their CRC-32, whatever either holds")
    func headsReadBack() throws {
        let head = Array(("<?xml version=\"1.0\"?><office:document-content>" + String(repeating: "<style/>", count: 300)
            + "法治建设").utf8)
        let rests: [[UInt8]] = [
            [], Array("<text:p>述法</text:p>".utf8), head, head + Array(repeating: 0x41, count: 70_000),
            (0..<5_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) },
        ]
        for (heads, rest) in [(head, []), ([], Array("甲".utf8))] + rests.map({ (head, $0) }) {
            let builder = ODFPackageBuilder(staticParts: [("styles.xml", Array("<s/>".utf8))],
                                            dynamicParts: [("content.xml", heads), ("meta.xml", [])], level: 1)
            let bytes = builder.package([("content.xml", rest), ("meta.xml", Array("<m/>".utf8))])
            let archive = try Archive(data: Data(bytes), accessMode: .read)
            var parts: [String: [UInt8]] = [:]
            for entry in archive {
                var data = Data()
                _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
                parts[entry.path] = Array(data)
                #expect(entry.checksum == CRC32.checksum(Array(data)), "\(entry.path)")
            }
            #expect(parts["content.xml"] == heads + rest, "head \(heads.count) B, rest \(rest.count) B")
            #expect(parts["meta.xml"] == Array("<m/>".utf8) && parts["styles.xml"] == Array("<s/>".utf8))
        }
    }
}
