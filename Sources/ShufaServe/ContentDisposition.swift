import Crypto
import Foundation
import Hummingbird
import MultipartKit

/// The `name` and `filename` of a part's Content-Disposition header.
struct ContentDisposition {
    var name: String?
    var filename: String?

    init(_ header: String) {
        for item in Self.parameters(header) {
            switch item.key.lowercased() {
            case "name": name = item.value
            case "filename": filename = item.value
            default: break
            }
        }
    }

    /// `key="value"` pairs after the first `;`, quotes removed (a quoted value may hold `;`).
    private static func parameters(_ header: String) -> [(key: String, value: String)] {
        var result: [(String, String)] = []
        var rest = Substring(header)
        guard let first = rest.firstIndex(of: ";") else { return [] }
        rest = rest[rest.index(after: first)...]
        while let equals = rest.firstIndex(of: "=") {
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces)
            rest = rest[rest.index(after: equals)...].drop(while: { $0 == " " })
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var escaped = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if escaped {
                        value.append(character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        break
                    } else {
                        value.append(character)
                    }
                }
                rest = rest.drop(while: { $0 != ";" })
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                value = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
            rest = rest.drop(while: { $0 == ";" || $0 == " " })
            result.append((key, value))
        }
        return result
    }
}
