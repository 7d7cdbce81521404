import Crypto

/// SHA-256 digests as lower-case hexadecimal text, the form summaries, journals and proofs write them in.
package enum HexDigest {
    /// The SHA-256 of `bytes`, in hexadecimal.
    package static func sha256(_ bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }

    /// Bytes as lower-case hexadecimal digits (`String(format:)` per byte costs more than the hash itself).
    package static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
