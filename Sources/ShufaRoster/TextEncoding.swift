#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ShufaText

/// The character encoding of a delimited-text roster (.csv, .tsv).
///
/// UTF-8 is decoded by the standard library; every other encoding through the C library's `iconv`,
/// because Foundation on Linux has no GB18030/GBK conversion.
public struct TextEncoding: Sendable, Hashable, CustomStringConvertible {
    /// The name `iconv` knows the encoding by, upper-case (`UTF-8`, `GB18030`, `GBK`, …).
    public let name: String

    /// UTF-8, with or without a byte order mark.
    public static let utf8 = TextEncoding(validName: "UTF-8")
    /// GB18030, the superset of GBK and GB2312 that Chinese Windows uses for "ANSI" text.
    public static let gb18030 = TextEncoding(validName: "GB18030")
    /// UTF-16, little-endian (Excel's "Unicode text").
    public static let utf16LE = TextEncoding(validName: "UTF-16LE")
    /// UTF-16, big-endian.
    public static let utf16BE = TextEncoding(validName: "UTF-16BE")

    private init(validName: String) { name = validName }

    /// The encoding called `name` (`utf-8`, `gb18030`, `gbk`, `cp936`, `utf-16le`, …: any name `iconv` knows).
    /// - Throws: `UnknownEncoding` when the C library cannot convert from it.
    public init(named name: String) throws(UnknownEncoding) {
        let upper = name.trimmingSpaces.uppercased()
        if ["UTF-8", "UTF8"].contains(upper) { self = .utf8; return }
        guard !upper.isEmpty, Converter(from: upper) != nil else { throw UnknownEncoding(name: name) }
        self.name = upper
    }

    public var description: String { name }

    /// The text of `bytes` in this encoding (a leading byte order mark dropped), or nil when the bytes are
    /// not valid in it.
    public func decode(_ bytes: [UInt8]) -> String? {
        if self == .utf8 { return String(validating: Self.droppingUTF8BOM(bytes), as: UTF8.self) }
        guard let text = Converter(from: name)?.convert(bytes) else { return nil }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// Detects the encoding of `bytes` and decodes them: a byte order mark decides; otherwise valid UTF-8 is
    /// UTF-8, and anything else is tried as GB18030 (which includes GBK). Nil when none fits.
    public static func detectAndDecode(_ bytes: [UInt8]) -> (text: String, encoding: TextEncoding)? {
        let candidates: [TextEncoding]
        if bytes.starts(with: [0xFF, 0xFE]) { candidates = [.utf16LE] }
        else if bytes.starts(with: [0xFE, 0xFF]) { candidates = [.utf16BE] }
        else { candidates = [.utf8, .gb18030] }
        for encoding in candidates {
            if let text = encoding.decode(bytes) { return (text, encoding) }
        }
        return nil
    }

    static func droppingUTF8BOM(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
    }

    /// An encoding name the C library does not know.
    public struct UnknownEncoding: Error, Sendable, CustomStringConvertible {
        public var name: String
        public var description: String { RosterMessages.text(self) }
    }
}

/// One `iconv` conversion to UTF-8, strict: an invalid or incomplete sequence fails the whole conversion.
private final class Converter {
    private let descriptor: iconv_t

    init?(from encoding: String) {
        let descriptor = iconv_open("UTF-8", encoding)
        guard let descriptor, Int(bitPattern: descriptor) != -1 else { return nil }
        self.descriptor = descriptor
    }

    deinit { iconv_close(descriptor) }

    /// The UTF-8 text of `input`, or nil when it is not valid in the source encoding.
    func convert(_ input: [UInt8]) -> String? {
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var produced = 0
        var source = input
        let ok: Bool = source.withUnsafeMutableBufferPointer { inBuffer in
            var inPointer = inBuffer.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
            var inLeft = inBuffer.count
            while true {
                let step = output.withUnsafeMutableBufferPointer { outBuffer -> (Int, Int32) in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(
                        outBuffer.baseAddress! + produced
                    )
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count - produced
                    let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    produced = outBuffer.count - outLeft
                    return (result, result == -1 ? errno : 0)
                }
                if step.0 != -1 { return inLeft == 0 }
                guard step.1 == E2BIG else { return false }
                output += [UInt8](repeating: 0, count: output.count)
            }
        }
        guard ok else { return nil }
        return String(validating: output[..<produced], as: UTF8.self)
    }
}
