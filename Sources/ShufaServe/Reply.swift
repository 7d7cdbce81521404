import Foundation
import Hummingbird

/// The responses the desk sends: pages, redirects after a form (303), downloads.
enum Reply {
    static func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    /// A file to save, under `name` (UTF-8, RFC 6266/5987, with an ASCII fallback for old browsers).
    static func download(_ data: Data, name: String, format: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = mediaTypes[format] ?? "application/octet-stream"
        headers[.contentDisposition] = disposition(name)
        headers[.cacheControl] = "private, no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func disposition(_ name: String) -> String {
        let fallback = String(
            name.unicodeScalars.map {
                $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\"
                    ? Character($0) : "_"
            })
        let allowed = CharacterSet.alphanumerics.intersection(
            .init(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128))
        )
        .union(CharacterSet(charactersIn: "-._~"))
        let encoded = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? fallback
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }

    static let mediaTypes = [
        "odt": "application/vnd.oasis.opendocument.text",
        "fodt": "application/vnd.oasis.opendocument.text-flat-xml",
        "ods": "application/vnd.oasis.opendocument.spreadsheet",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "doc": "application/msword",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pdf": "application/pdf",
        "zip": "application/zip",
        "json": "application/json",
        "csv": "text/csv; charset=utf-8",
    ]
}
