import Crypto
import Foundation

/// SHA-256 in lowercase hex, the name every file of the desk goes by.
enum ContentDigest {
    static func hex(_ data: some DataProtocol) -> String { text(SHA256.hash(data: data)) }

    /// Bytes in lowercase hex.
    static func text(_ bytes: some Sequence<UInt8>) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
}
