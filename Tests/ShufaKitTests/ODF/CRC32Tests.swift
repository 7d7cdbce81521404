import ShufaODF
import Testing

/// The checksum ZIP entries carry: the CRC-32 of ISO 3309 / ITU-T V.42 (ZIP's, zlib's).
@Suite("ShufaODF: CRC-32 of ZIP entries")
struct CRC32Tests {
    @Test("the standard check values")
    func checkValues() {
        #expect(CRC32.checksum([]) == 0)
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
    }
}
